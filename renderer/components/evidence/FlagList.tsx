/** Safety and data flags as warnings, each with its explanation and evidence; the flag and gate codes on demand. */
import type { FlagWord } from '../../../shared/engine';
import { CitationList } from './CitationButton';
import { FLAG_INFO } from '../../../shared/vocabulary';
import { RuleCodes } from './OptionItem';
import { evidenceOfSource } from './sources';

export function FlagList({ flags }: { flags: readonly FlagWord[] }) {
  if (flags.length === 0) return null;
  return (
    <section className="ev-section" aria-labelledby="flags-title">
      <h3 id="flags-title" className="ev-heading">Warnings <span className="count">{flags.length}</span></h3>
      <ul className="flags">
        {flags.map((flag) => {
          const info = FLAG_INFO[flag];
          const evidence = info.source ? evidenceOfSource(info.source) : [];
          return (
            <li key={flag} className={`flag flag-${info.severity}`} data-flag={flag}>
              <p className="flag-head">
                <span aria-hidden="true" className="flag-mark">{info.severity === 'info' ? 'ℹ' : '⚠'}</span>
                <strong>{info.title}</strong>
              </p>
              <p className="flag-text">{info.explanation}</p>
              <CitationList ids={evidence} label={`Evidence for the warning ${info.title}`} />
              <RuleCodes codes={info.source ? [flag, info.source] : [flag]} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
