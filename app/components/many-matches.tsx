/** Shown when every search word is a common one: the list then pages in word order, not the chosen sort. */
export function ManyMatches() {
  return (
    <p className="muted" role="note">
      Many records match these words. They are listed page by page as found — each page sorted as you chose — rather than
      in one sorted list. Add another word (a surname, a street number) to narrow the search.
    </p>
  );
}
