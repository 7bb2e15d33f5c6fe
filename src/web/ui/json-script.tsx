import { raw } from 'hono/html';

const UNSAFE_IN_SCRIPT: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON that cannot end its <script> element or open a comment: `<`, `>` and `&` (and the two line separators)
 * become \u escapes, which JSON.parse reads back as the same characters.
 */
export const scriptSafeJson = (data: unknown): string => JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => UNSAFE_IN_SCRIPT[ch]!);

/** Data for a page's client script: `<script type="application/json" id=…>` (not executed, so no nonce is needed). */
export const JsonScript = ({ id, data }: { id: string; data: unknown }) => (
  <script type="application/json" id={id}>
    {raw(scriptSafeJson(data))}
  </script>
);
