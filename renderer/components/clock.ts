/**
 * The board's clock on screen: every date and time the renderer shows goes through these, in the board's zone
 * and locale (app.info, from the board settings; the machine's until the app info has loaded).
 */
import { useMemo } from 'react';
import { formatDay, formatInstant, formatWall, machineClock, relativeDays, todayIn, type Clock } from '../../shared/time/clock';
import { useUi } from '../stores/context';

export function useClock(): Clock {
  const zone = useUi((s) => s.info?.time_zone);
  const locale = useUi((s) => s.info?.locale);
  return useMemo(() => (zone && locale ? { time_zone: zone, locale } : machineClock()), [zone, locale]);
}

/** Today (`YYYY-MM-DD`) in the board's zone. */
export function useToday(): string {
  const clock = useClock();
  return todayIn(clock.time_zone);
}

export { formatDay, formatInstant, formatWall, relativeDays, todayIn, type Clock };
