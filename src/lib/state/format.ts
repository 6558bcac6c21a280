// Short human labels for event dates: the precision shows in the label, so a month is never read as a day.
import type { EventProperties } from '$lib/domain/event';

/** `2022-03-05`, `week of 2022-03-07`, `2022-03`, `2022`, or `undated`. */
export function dateLabel(p: Pick<EventProperties, 'date_start' | 'date_end' | 'date_precision'>): string {
	const s = p.date_start;
	if (!s) return 'undated';
	switch (p.date_precision) {
		case 'day':
			return s;
		case 'week':
			return `week of ${s}`;
		case 'month':
			return s.slice(0, 7);
		case 'year':
			return s.slice(0, 4);
		default:
			return p.date_end && p.date_end !== s ? `${s} – ${p.date_end}` : s;
	}
}
