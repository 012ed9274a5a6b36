import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vendor chunks that change rarely and cache well: ECharts (only the bureau's dashboard loads it), React
 * with its router, and Ant Design with everything else from node_modules (its rc-* parts, icons,
 * css-in-js, dayjs). Pages are split per role area by the React.lazy routes in App.tsx.
 */
const VENDOR_CHUNKS: [string, RegExp][] = [
  ['echarts', /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|tslib)[\\/]/],
  ['react', /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|@remix-run|scheduler)[\\/]/],
  ['antd', /[\\/]node_modules[\\/]/],
];

/** The portal: built into dist/web at the repository root, which the API serves at `/`. */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          return VENDOR_CHUNKS.find(([, pattern]) => pattern.test(id))?.[0];
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
