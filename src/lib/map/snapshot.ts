// The map exported as an image: where the title, the time window, the legend and the attribution go around the map, and the file's name.
import { EVENT_TYPES, type EventType } from '$lib/domain/event';
import { fromDay } from '$lib/domain/time';

/** What goes on the image besides the map; sizes of the map in device pixels. */
export interface SnapshotContent {
	/** The captured map (basemap and events), in device pixels. */
	map: { width: number; height: number };
	/** Device pixels per CSS pixel: the text is sized in CSS pixels and scaled with the map. */
	pixelRatio: number;
	title: string;
	/** The time window in words, e.g. "3 – 17 March 2025". */
	period: string;
	/** A second line after the period, e.g. "412 events". */
	detail?: string;
	/** The legend's event types (drawn in EVENT_TYPES order) and their colours as the map draws them. */
	types: readonly EventType[];
	colors: Readonly<Record<EventType, string>>;
	/** The map draws events known only to a week, month or year hollow (overlay.ts pointLook): the legend says so. */
	dateKey?: boolean;
	attribution: string;
}

/** One line of text, its top-left corner in device pixels. */
export interface SnapshotText {
	text: string;
	x: number;
	y: number;
	font: string;
	color: string;
	role: 'title' | 'period' | 'detail' | 'legend' | 'attribution';
}

/** A legend swatch: a disc of `color` centred on (x, y); a hollow one (a ring) for a coarse date. */
export interface SnapshotSwatch {
	/** The event type it stands for; null for the date-precision key. */
	type: EventType | null;
	color: string;
	x: number;
	y: number;
	r: number;
	hollow?: boolean;
}

export interface SnapshotLayout {
	width: number;
	height: number;
	/** Where the map image goes. */
	map: { x: number; y: number; width: number; height: number };
	texts: SnapshotText[];
	swatches: SnapshotSwatch[];
}

/** Width of a text in the given font (the page passes its canvas's measureText). */
export type Measure = (text: string, font: string) => number;

/** Light chrome: the image is pasted into briefings, which are mostly white. */
export const SNAPSHOT_COLORS = { background: '#ffffff', text: '#1b1f24', muted: '#4d5661', swatchStroke: '#222222' } as const;

// Sizes in CSS pixels, times the pixel ratio: large enough to read on a projected slide.
const SIZE = {
	margin: 20, // around everything
	title: 26,
	period: 18,
	legend: 16,
	attribution: 12,
	line: 1.3, // line height, in font sizes
	gap: 12, // between the header, the map and the footer
	swatch: 16, // disc diameter
	swatchGap: 8, // disc to its label
	itemGap: 22 // legend item to the next
} as const;

const font = (weight: 400 | 700, px: number) => `${weight} ${px}px "Noto Sans", "Noto Sans Arabic", sans-serif`;

/** The text broken at spaces into lines no wider than `max` (a word longer than that gets a line of its own). */
export function wrapText(text: string, max: number, fnt: string, measure: Measure): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && measure(next, fnt) > max) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/** "ASSAULT" → "Assault", "MOBILIZE" → "Mobilize". */
export function typeLabel(type: EventType): string {
	return type.charAt(0) + type.slice(1).toLowerCase();
}

/**
 * Lays the image out: a header with the title and the time window, the map at its own size, and a footer with
 * the legend (swatch and label per type, wrapped to the width) and the attribution. All in device pixels.
 */
export function snapshotLayout(c: SnapshotContent, measure: Measure): SnapshotLayout {
	const k = c.pixelRatio;
	const px = (n: number) => Math.round(n * k);
	const margin = px(SIZE.margin);
	const width = c.map.width;
	const inner = Math.max(1, width - 2 * margin);
	const texts: SnapshotText[] = [];
	const swatches: SnapshotSwatch[] = [];
	let y = margin;

	const block = (text: string, size: number, weight: 400 | 700, color: string, role: SnapshotText['role']) => {
		const f = font(weight, px(size));
		for (const line of wrapText(text, inner, f, measure)) {
			texts.push({ text: line, x: margin, y, font: f, color, role });
			y += px(size * SIZE.line);
		}
	};
	block(c.title, SIZE.title, 700, SNAPSHOT_COLORS.text, 'title');
	block(c.period, SIZE.period, 400, SNAPSHOT_COLORS.text, 'period');
	if (c.detail) block(c.detail, SIZE.period, 400, SNAPSHOT_COLORS.muted, 'detail');
	y += px(SIZE.gap) - px(SIZE.period * (SIZE.line - 1));

	const map = { x: 0, y, width: c.map.width, height: c.map.height };
	y += map.height + px(SIZE.gap);

	const legendFont = font(400, px(SIZE.legend));
	const rowHeight = px(Math.max(SIZE.legend * SIZE.line, SIZE.swatch + 6));
	const d = px(SIZE.swatch);
	let x = margin;
	const item = (label: string, swatch: Omit<SnapshotSwatch, 'x' | 'y' | 'r'>) => {
		const itemWidth = d + px(SIZE.swatchGap) + Math.ceil(measure(label, legendFont));
		if (x > margin && x + itemWidth > margin + inner) {
			x = margin;
			y += rowHeight;
		}
		const mid = y + rowHeight / 2;
		swatches.push({ ...swatch, x: x + d / 2, y: mid, r: d / 2 });
		texts.push({ text: label, x: x + d + px(SIZE.swatchGap), y: mid - px(SIZE.legend * SIZE.line) / 2, font: legendFont, color: SNAPSHOT_COLORS.text, role: 'legend' });
		x += itemWidth + px(SIZE.itemGap);
	};
	const types = EVENT_TYPES.filter((t) => c.types.includes(t));
	for (const type of types) item(typeLabel(type), { type, color: c.colors[type] });
	if (types.length) y += rowHeight;
	if (c.dateKey) {
		// On a row of its own, as on the page's legend ("When"): the mark's fill says how exact its date is.
		x = margin;
		item('dated to the day', { type: null, color: SNAPSHOT_COLORS.muted });
		item('known only to the week, month or year', { type: null, color: SNAPSHOT_COLORS.muted, hollow: true });
		y += rowHeight;
	}
	if (types.length || c.dateKey) y += px(SIZE.gap / 2);
	block(c.attribution, SIZE.attribution, 400, SNAPSHOT_COLORS.muted, 'attribution');

	return { width, height: y + margin - px(SIZE.attribution * (SIZE.line - 1)), map, texts, swatches };
}

/** The part of CanvasRenderingContext2D the image is drawn with (tests pass a recorder). */
export type Snapshot2D = Pick<CanvasRenderingContext2D, 'fillRect' | 'drawImage' | 'fillText' | 'beginPath' | 'arc' | 'fill' | 'stroke'> & {
	fillStyle: CanvasRenderingContext2D['fillStyle'];
	strokeStyle: CanvasRenderingContext2D['strokeStyle'];
	lineWidth: number;
	globalAlpha: number;
	font: string;
	textBaseline: CanvasTextBaseline;
	textAlign: CanvasTextAlign;
};

const HOLLOW_KEY_FILL = 0.2;
const HOLLOW_KEY_RING = 1.25; // half the ring's width, CSS px

/** Draws the layout on a canvas of layout.width × layout.height, with `map` (the captured map) in its place. */
export function drawSnapshot(ctx: Snapshot2D, layout: SnapshotLayout, map: CanvasImageSource, pixelRatio: number): void {
	ctx.globalAlpha = 1;
	ctx.fillStyle = SNAPSHOT_COLORS.background;
	ctx.fillRect(0, 0, layout.width, layout.height);
	const m = layout.map;
	ctx.drawImage(map, m.x, m.y, m.width, m.height);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'top';
	for (const t of layout.texts) {
		ctx.font = t.font;
		ctx.fillStyle = t.color;
		ctx.fillText(t.text, t.x, t.y);
	}
	ctx.lineWidth = pixelRatio;
	ctx.strokeStyle = SNAPSHOT_COLORS.swatchStroke;
	for (const s of layout.swatches) {
		ctx.beginPath();
		ctx.arc(s.x, s.y, s.r, 0, 2 * Math.PI);
		ctx.fillStyle = s.color;
		if (s.hollow) {
			// As the map draws a coarse date: a faint middle, a ring in the colour, the dark outline.
			ctx.globalAlpha = HOLLOW_KEY_FILL;
			ctx.fill();
			ctx.globalAlpha = 1;
			ctx.stroke();
			ctx.beginPath();
			ctx.arc(s.x, s.y, s.r - HOLLOW_KEY_RING * pixelRatio, 0, 2 * Math.PI);
			ctx.strokeStyle = s.color;
			ctx.lineWidth = HOLLOW_KEY_RING * 2 * pixelRatio;
			ctx.stroke();
			ctx.strokeStyle = SNAPSHOT_COLORS.swatchStroke;
			ctx.lineWidth = pixelRatio;
			continue;
		}
		ctx.fill();
		ctx.stroke();
	}
}

/** What the map credits, on screen and in the image. */
export const ATTRIBUTION = 'Natural Earth · GeoNames · SimpleMaps · GSHHG/WDBII · Crimea per UN GA res. 68/262';

/** `conflict-map-2021-11-01-2021-11-30.png` for a window of inclusive UTC days (`all` for an open end). */
export function snapshotFileName(first: number | null, last: number | null): string {
	const day = (d: number | null) => (d === null || !Number.isFinite(d) ? 'all' : fromDay(Math.floor(d)));
	return `conflict-map-${day(first)}-${day(last)}.png`;
}
