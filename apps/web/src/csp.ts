/**
 * The Content-Security-Policy allows <style> elements only with this response's nonce, which the server
 * puts in index.html (`<meta name="csp-nonce">`). Ant Design's CSS-in-JS gets it through ConfigProvider's
 * `csp`; a few rc-component helpers (the modal scroll lock, the scrollbar measure) create <style>
 * elements without asking, so every <style> this page's own scripts create carries the nonce. Markup
 * injected into the page (the thing the CSP guards against) does not pass through here.
 */
export const cspNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

if (cspNonce) {
  const createElement = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = createElement(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = cspNonce;
    return element;
  }) as typeof document.createElement;
}
