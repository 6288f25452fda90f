/** Search as you type: the store is asked ~120 ms after the last keystroke, not on every key. */
import { forwardRef, useEffect, useRef, useState } from 'react';

export const SEARCH_DEBOUNCE_MS = 120;

export interface SearchBoxProps {
  value: string;
  onSearch(text: string): void;
  /** Arrow down from the box moves into the results. */
  onArrowDown?(): void;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ value, onSearch, onArrowDown }, ref) {
  const [text, setText] = useState(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

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
