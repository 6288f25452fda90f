/** Search as you type: the store is asked ~50 ms after the last keystroke (a result lands within 100 ms of typing at 100k cases; bench search.api), not on every key. */
import { forwardRef, useEffect, useRef, useState } from 'react';

export const SEARCH_DEBOUNCE_MS = 50;

export interface SearchBoxProps {
  value: string;
  onSearch(text: string): void;
  /** Arrow down from the box moves into the results. */
  onArrowDown?(): void;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ value, onSearch, onArrowDown }, ref) {
  const [text, setText] = useState(value);
  // When the search is changed from elsewhere (a store reset), show it: derived-state pattern, no effect.
  const [shown, setShown] = useState(value);
  if (value !== shown) { setShown(value); setText(value); }
  const latest = useRef({ onSearch, value });
  latest.current = { onSearch, value };

  // Only what the user types is debounced and sent; an external change never echoes back.
  useEffect(() => {
    if (text === latest.current.value) return;
    const timer = setTimeout(() => latest.current.onSearch(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="search" role="search">
      <label htmlFor="case-search" className="visually-hidden">Search cases</label>
      <input ref={ref} id="case-search" type="search" value={text} autoComplete="off" spellCheck={false}
        placeholder="Search name, identifier, diagnosis, question…  ( / )"
        aria-keyshortcuts="/"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) { e.preventDefault(); setText(''); onSearch(''); }
          if (e.key === 'Enter') { e.preventDefault(); onSearch(text); }
          if (e.key === 'ArrowDown' && onArrowDown) { e.preventDefault(); onSearch(text); onArrowDown(); }
        }} />
    </div>
  );
});
