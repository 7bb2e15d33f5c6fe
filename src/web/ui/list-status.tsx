/**
 * A polite live region that tells a screen reader what a list now shows after htmx replaced it (the list itself
 * is not live: it would read out every row). Rendered once with the page and sent again, out of band
 * (`oob`), with each fragment that replaces the list.
 */
export const ListStatus = ({ id, text, oob = false }: { id: string; text: string; oob?: boolean }) => (
  <p id={id} class="visually-hidden" role="status" hx-swap-oob={oob ? 'true' : undefined}>
    {text}
  </p>
);
