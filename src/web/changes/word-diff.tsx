import { diffWords } from 'diff';

/**
 * The words removed from `old` and added in `next`, as <del> and <ins> around the kept words; computed on the
 * server and rendered as escaped text (both sides come from strangers' pages).
 */
export const WordDiff = ({ old, next }: { old: string | null; next: string | null }) => (
  <span class="word-diff">
    {diffWords(old ?? '', next ?? '').map((part) =>
      part.removed ? (
        <del>
          <span class="visually-hidden">removed: </span>
          {part.value}
        </del>
      ) : part.added ? (
        <ins>
          <span class="visually-hidden">added: </span>
          {part.value}
        </ins>
      ) : (
        part.value
      ),
    )}
  </span>
);
