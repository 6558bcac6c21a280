import { describe, expect, it } from 'vitest';
import { drawSnapshot, snapshotFileName, snapshotLayout, typeLabel, wrapText, SNAPSHOT_COLORS, type Snapshot2D, type SnapshotContent } from '$lib/map/snapshot';
import { lightTheme } from '$lib/map/theme';
import { toDay } from '$lib/domain/time';

/** A monospace stand-in for measureText: each character is 0.6 of the font's pixel size wide. */
const measure = (text: string, font: string) => text.length * 0.6 * Number(/(\d+)px/.exec(font)![1]);

const content = (over: Partial<SnapshotContent> = {}): SnapshotContent => ({
	map: { width: 1000, height: 600 },
	pixelRatio: 1,
	title: 'Conflict map',
	period: '1 – 30 November 2021',
	detail: '12 of 40 events shown',
	types: ['PROTEST', 'ASSAULT'],
	colors: lightTheme.eventColors,
	attribution: 'MapLibre · Natural Earth · GeoNames',
	...over
});

const inside = (a: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) => a.x >= b.x && a.x <= b.x + b.width && a.y >= b.y && a.y <= b.y + b.height;

describe('snapshotLayout', () => {
	it('puts the title and the window above the map, the legend and the attribution below it, all inside the image', () => {
		const l = snapshotLayout(content(), measure);
		const byRole = (r: string) => l.texts.filter((t) => t.role === r);
		expect(byRole('title')[0]!.text).toBe('Conflict map');
		expect(byRole('period')[0]!.text).toBe('1 – 30 November 2021');
		for (const t of [...byRole('title'), ...byRole('period'), ...byRole('detail')]) expect(t.y).toBeLessThan(l.map.y);
		for (const t of [...byRole('legend'), ...byRole('attribution')]) expect(t.y).toBeGreaterThanOrEqual(l.map.y + l.map.height);
		for (const s of l.swatches) expect(s.y - s.r).toBeGreaterThanOrEqual(l.map.y + l.map.height);
		const last = l.texts.at(-1)!;
		expect(last.role).toBe('attribution');
		expect(last.y + 12).toBeLessThan(l.height);
		expect(l.width).toBe(1000);
		expect(l.map).toEqual({ x: 0, y: l.map.y, width: 1000, height: 600 });
	});

	it('gives each legend type a swatch in the map colour of its type, in the event-type order, next to its label', () => {
		const l = snapshotLayout(content(), measure);
		expect(l.swatches.map((s) => [s.type, s.color])).toEqual([
			['PROTEST', lightTheme.eventColors.PROTEST],
			['ASSAULT', lightTheme.eventColors.ASSAULT]
		]);
		const labels = l.texts.filter((t) => t.role === 'legend');
		expect(labels.map((t) => t.text)).toEqual(['Protest', 'Assault']);
		labels.forEach((t, k) => expect(t.x).toBeGreaterThan(l.swatches[k]!.x + l.swatches[k]!.r));
	});

	it('wraps the legend onto more rows when the types do not fit across, never past the right margin', () => {
		const all = Object.keys(lightTheme.eventColors) as SnapshotContent['types'][number][];
		const l = snapshotLayout(content({ map: { width: 500, height: 300 }, types: all }), measure);
		const rows = new Set(l.swatches.map((s) => s.y));
		expect(rows.size).toBeGreaterThan(1);
		for (const t of l.texts.filter((t) => t.role === 'legend')) expect(t.x + measure(t.text, t.font)).toBeLessThanOrEqual(500 - 20);
	});

	it('scales text and margins with the pixel ratio, so a 2× map gets 2× type', () => {
		const one = snapshotLayout(content(), measure);
		const two = snapshotLayout(content({ map: { width: 2000, height: 1200 }, pixelRatio: 2 }), measure);
		expect(two.texts[0]!.font).toContain('52px');
		expect(one.texts[0]!.font).toContain('26px');
		expect(Math.abs(two.map.y - 2 * one.map.y)).toBeLessThanOrEqual(3); // each size is rounded to whole pixels
	});

	it('wraps a long title over lines that each fit the width', () => {
		const title = 'Belarus–Poland border: crossings, pushbacks and protests over the winter of 2021';
		const l = snapshotLayout(content({ map: { width: 600, height: 400 }, title }), measure);
		const lines = l.texts.filter((t) => t.role === 'title');
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.map((t) => t.text).join(' ')).toBe(title);
		for (const t of lines) expect(measure(t.text, t.font)).toBeLessThanOrEqual(560);
	});

	it('leaves no legend row when no type is shown', () => {
		const l = snapshotLayout(content({ types: [] }), measure);
		expect(l.swatches).toEqual([]);
		expect(l.texts.some((t) => t.role === 'legend')).toBe(false);
	});
});

describe('drawSnapshot', () => {
	it('fills the background, draws the map in its place, then the texts and swatches of the layout', () => {
		const calls: string[] = [];
		// Only methods: drawSnapshot sets every style it uses before it draws.
		const ctx: Record<string, unknown> = {
			fillRect(x: number, y: number, w: number, h: number) {
				calls.push(`rect ${this.fillStyle} ${x},${y},${w},${h}`);
			},
			drawImage: (_img: unknown, x: number, y: number, w: number, h: number) => void calls.push(`image ${x},${y},${w},${h}`),
			fillText(text: string) {
				calls.push(`text ${text} ${this.fillStyle}`);
			},
			beginPath: () => {},
			arc: () => {},
			fill() {
				calls.push(`disc ${this.fillStyle}`);
			},
			stroke: () => {}
		};
		const l = snapshotLayout(content({ types: ['ASSAULT'] }), measure);
		drawSnapshot(ctx as unknown as Snapshot2D, l, {} as CanvasImageSource, 1);
		expect(calls[0]).toBe(`rect ${SNAPSHOT_COLORS.background} 0,0,1000,${l.height}`);
		expect(calls[1]).toBe(`image 0,${l.map.y},1000,600`);
		expect(calls).toContain(`text Conflict map ${SNAPSHOT_COLORS.text}`);
		expect(calls).toContain(`text Assault ${SNAPSHOT_COLORS.text}`);
		expect(calls.at(-1)).toBe(`disc ${lightTheme.eventColors.ASSAULT}`);
		expect(ctx.textBaseline).toBe('top');
	});
});

describe('the date-precision key', () => {
	it('adds, on a row of its own below the types, a filled "dated to the day" and a hollow "week, month or year" swatch', () => {
		const l = snapshotLayout(content({ dateKey: true }), measure);
		const keys = l.swatches.filter((s) => s.type === null);
		expect(keys.map((s) => !!s.hollow)).toEqual([false, true]);
		const typeRow = Math.max(...l.swatches.filter((s) => s.type !== null).map((s) => s.y));
		for (const k of keys) expect(k.y).toBeGreaterThan(typeRow);
		expect(l.texts.filter((t) => t.role === 'legend').map((t) => t.text)).toContain('known only to the week, month or year');
		const attribution = l.texts.find((t) => t.role === 'attribution')!;
		for (const k of keys) expect(k.y + k.r).toBeLessThanOrEqual(attribution.y);
		expect(l.height).toBeGreaterThan(snapshotLayout(content(), measure).height);
		expect(snapshotLayout(content(), measure).swatches.every((s) => s.type !== null)).toBe(true);
	});

	it('draws the hollow swatch as the map draws a coarse date: a faint fill, then a ring in its colour', () => {
		const calls: string[] = [];
		const ctx: Record<string, unknown> = {
			fillRect: () => {},
			drawImage: () => {},
			fillText: () => {},
			beginPath: () => {},
			arc: () => {},
			fill() {
				calls.push(`fill ${this.globalAlpha}`);
			},
			stroke() {
				calls.push(`stroke ${this.strokeStyle}`);
			}
		};
		const l = snapshotLayout(content({ types: [], dateKey: true }), measure);
		drawSnapshot(ctx as unknown as Snapshot2D, l, {} as CanvasImageSource, 1);
		expect(calls).toEqual(['fill 1', `stroke ${SNAPSHOT_COLORS.swatchStroke}`, 'fill 0.2', `stroke ${SNAPSHOT_COLORS.swatchStroke}`, `stroke ${SNAPSHOT_COLORS.muted}`]);
	});
});

describe('snapshotFileName', () => {
	it('names the file after the first and last day of the window', () => {
		expect(snapshotFileName(toDay('2021-11-01'), toDay('2021-11-30'))).toBe('conflict-map-2021-11-01-2021-11-30.png');
	});
	it('says all for an open end', () => {
		expect(snapshotFileName(null, toDay('2021-11-30'))).toBe('conflict-map-all-2021-11-30.png');
	});
});

describe('wrapText and typeLabel', () => {
	it('keeps a word longer than the width on a line of its own', () => {
		expect(wrapText('a verylongword b', 30, '10px x', measure)).toEqual(['a', 'verylongword', 'b']);
	});
	it('writes a type as a capitalised word', () => {
		expect(typeLabel('MOBILIZE')).toBe('Mobilize');
	});
});
