import { HIGHLIGHT_POST, HIGHLIGHT_PRE, safeHighlight } from './highlight';

describe('safeHighlight', () => {
  it('turns the match markers into <em> tags', () => {
    expect(safeHighlight(`锂电池${HIGHLIGHT_PRE}中试${HIGHLIGHT_POST}验证`)).toBe('锂电池<em>中试</em>验证');
  });

  it('escapes markup people typed, so a highlight can be rendered as HTML safely', () => {
    expect(safeHighlight(`<script>x</script> & ${HIGHLIGHT_PRE}"检测"${HIGHLIGHT_POST}`)).toBe(
      '&lt;script&gt;x&lt;/script&gt; &amp; <em>&quot;检测&quot;</em>',
    );
  });

  it('answers an empty string for a missing field', () => {
    expect(safeHighlight(undefined)).toBe('');
  });
});
