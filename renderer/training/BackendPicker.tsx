import { useId } from 'react';
import type { BackendListing } from '../../shared/api/backendApi';
import { measuredBackends } from '../../shared/training/backendChoice';
import type { BackendChoice } from '../../shared/training/runEvents';
import { useBackendQuery } from '../backend/useBackendQuery';
import { BACKEND_WORDS, plainSkipReason } from './backendWords';

export interface BackendPickerProps {
  readonly value: BackendChoice;
  readonly onChange: (choice: BackendChoice) => void;
}

/**
 * The compute backend for the next run, with what `auto` picks here (the fastest on the network
 * where several backends load) and why faster ones were skipped.
 */
export function BackendPicker({ value, onChange }: BackendPickerProps) {
  const id = useId();
  const { data: listing, error } = useBackendQuery<BackendListing>((api) => api.listBackends(), []);

  // The backends auto times before a run (measuredBackends): with several, the fastest on the network wins.
  const timed = listing
    ? measuredBackends(listing.backends.filter((b) => b.available).map((b) => b.name))
    : [];
  return (
    <section className="nc-backend" aria-labelledby={`${id}-label`}>
      <div className="nc-field">
        <label id={`${id}-label`} htmlFor={`${id}-select`}>
          Compute backend
        </label>
        <select
          id={`${id}-select`}
          value={value}
          onChange={(e) => onChange(e.target.value as BackendChoice)}
        >
          <option value="auto">
            {listing
              ? `auto (${timed.length > 1 ? `fastest of ${timed.join(', ')}` : listing.auto.name})`
              : 'auto'}
          </option>
          {listing?.backends.map((b) => (
            <option key={b.name} value={b.name} disabled={!b.available}>
              {b.available ? b.name : `${b.name} (unavailable)`}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="nc-note nc-error-text">Could not list the compute backends: {error}</p>
      )}
      {listing && (
        <div className="nc-note" aria-label="Why this backend">
          {timed.length > 1 ? (
            <p>
              Auto picks the fastest of{' '}
              {timed.map((name, i) => (
                <span key={name}>
                  {i === 0 ? '' : i === timed.length - 1 ? ' and ' : ', '}
                  <strong>{BACKEND_WORDS[name]}</strong>
                </span>
              ))}
              , timing a few training steps of your network on each before it trains (once per
              network on this computer)
              {listing.auto.skipped.length === 0 ? '.' : '. These could not be used:'}
            </p>
          ) : (
            <p>
              Auto picks <strong>{BACKEND_WORDS[listing.auto.name]}</strong>
              {listing.auto.skipped.length === 0
                ? ', the fastest there is.'
                : ' because the faster ones could not be used:'}
            </p>
          )}
          {listing.auto.skipped.length > 0 && (
            <ul>
              {listing.auto.skipped.map((s) => (
                <li key={s.name}>
                  <strong>{BACKEND_WORDS[s.name]}</strong>: {plainSkipReason(s.reason)}
                </li>
              ))}
            </ul>
          )}
          {listing.auto.skipped.length > 0 && (
            <details className="nc-details">
              <summary>Details</summary>
              <ul>
                {listing.auto.skipped.map((s) => (
                  <li key={s.name}>
                    <code>{s.name}</code>: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
