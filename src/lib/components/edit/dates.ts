// The date interval an analyst's date and precision stand for (same conventions as the pipeline).
import type { DatePrecision, EventProperties } from '$lib/domain/event';

function addDays(d: string, n: number): string {
	const t = new Date(`${d}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + n);
	return t.toISOString().slice(0, 10);
}

/** Day → itself; week → Monday–Sunday around it, date mid-week; month → the whole month, date the 15th; year → mid-year. */
export function intervalFor(date: string | null, precision: DatePrecision): Pick<EventProperties, 'date' | 'date_start' | 'date_end' | 'date_precision'> {
	if (!date || precision === 'unknown') return { date: null, date_start: null, date_end: null, date_precision: 'unknown' };
	if (precision === 'week') {
		const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
		const start = addDays(date, -dow);
		return { date: addDays(start, 3), date_start: start, date_end: addDays(start, 6), date_precision: 'week' };
	}
	if (precision === 'month') {
		const [y, m] = date.split('-').map(Number) as [number, number];
		const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
		return { date: `${date.slice(0, 8)}15`, date_start: `${date.slice(0, 8)}01`, date_end: `${date.slice(0, 8)}${String(last).padStart(2, '0')}`, date_precision: 'month' };
	}
	if (precision === 'year') return { date: `${date.slice(0, 4)}-07-01`, date_start: `${date.slice(0, 4)}-01-01`, date_end: `${date.slice(0, 4)}-12-31`, date_precision: 'year' };
	return { date, date_start: date, date_end: date, date_precision: 'day' };
}
