// The dashboard's reactive state: data, filters, time window, selection, layers, camera — and its URL form.
import { EVENT_TYPES, type EventFeature, type EventType } from '$lib/domain/event';
import type { BBox, EventFilter } from '$lib/domain/filter';
import { fromDay, toDay } from '$lib/domain/time';
import type { Toggle } from '$lib/map/ids';
import { pointIndex, type PointIndex } from '$lib/map/cluster';
import { advanceWindow, dayIndex, keptDays, nextKeptStart, prevKeptStart, skipWindow, stackedHistogram, type DayIndex } from './timeline';
import { topGroups, type HistBy } from './histgroups';
import { facetIndex, facetMask, type FacetIndex } from './facets';
import { DEFAULT_LAYERS, viewToParams, type Camera, type PlayMode, type ViewState } from './url';

/** The time window as UTC day numbers plus playback settings. */
export class TimeWindow {
	start = $state(0);
	end = $state(0);
	mode = $state<PlayMode>('moving');
	speed = $state(7); // days per second
	playing = $state(false);
	/** Playback jumps over stretches with no (filtered) event to the next one. */
	skip = $state(true);

	set(start: number, end: number): void {
		if (end < start) [start, end] = [end, start];
		if (start !== this.start) this.start = start;
		if (end !== this.end) this.end = end;
	}
}

/** Everything the analyst can set; the URL is its serialised form. */
export class Dashboard {
	/** All events, in file order; a feature's index here is its map feature id. */
	events = $state.raw<EventFeature[]>([]);
	index = $state.raw<DayIndex>(dayIndex([]));
	/** Filters other than the time window (its from/to live in `time`). */
	filter = $state.raw<EventFilter>({});
	time = new TimeWindow();
	/** Whether the window applies at all (false: every date is shown). */
	windowed = $state(false);
	selected = $state<string | null>(null);
	layers = $state<Record<Toggle, boolean>>({ ...DEFAULT_LAYERS });
	camera = $state.raw<Camera | null>(null);
	/** What the timeline's histogram is stacked by. */
	histBy = $state<HistBy>('type');
	/** Events at one spot, offered as a list when a click or a cluster hits several. */
	picks = $state.raw<number[]>([]);
	/** "Only events in view": the filter's bbox follows the map's view (`viewBox`). */
	followView = $state(false);
	/** The next drag on the map draws the filter's box ("Draw a box"). */
	drawing = $state(false);
	/** The map's view as a filter box (spanBBox), reported by the map when it settles. */
	#viewBox = $state.raw<BBox | null>(null);

	/** Every event's map position and point feature, made once per load; the map groups the visible ones. */
	points = $state.raw<PointIndex>(pointIndex([]));
	/** Every event's facet values as codes, made once per load: filters and counts read these. */
	facets = $state.raw<FacetIndex>(facetIndex([]));
	#byId = new Map<string, number>();
	/** A URL window with one open end, applied before any data: its other end is the data's, once they come. */
	#openWindow: { from?: string; to?: string } | null = null;

	load(events: EventFeature[]): void {
		// Picks are indices into the old array: carry them over by id (dropping events that are gone).
		const picked = this.picks.map((i) => this.events[i]?.properties.id);
		this.events = events;
		this.index = dayIndex(events);
		this.#byId = new Map(events.map((e, i) => [e.properties.id, i]));
		this.points = pointIndex(events);
		this.facets = facetIndex(events);
		if (picked.length) this.picks = picked.map((id) => (id === undefined ? undefined : this.#byId.get(id))).filter((i) => i !== undefined);
		const ext = this.index.extent;
		if (this.#openWindow && ext) {
			const { from, to } = this.#openWindow;
			this.time.set(from ? toDay(from) : ext.start, to ? toDay(to) : ext.end);
			this.#openWindow = null;
		} else if (!this.windowed && ext) this.time.set(ext.start, ext.end);
	}

	/** Applies a parsed URL view (before or after the data are loaded). */
	apply(view: ViewState): void {
		const { from, to, ...rest } = view.filter;
		this.filter = rest;
		const ext = this.index.extent;
		this.#openWindow = (from || to) && !(from && to) && !ext ? { from, to } : null;
		if (from || to) {
			this.windowed = true;
			this.time.set(from ? toDay(from) : (ext?.start ?? 0), to ? toDay(to) : (ext?.end ?? 0));
		} else if (ext) this.time.set(ext.start, ext.end);
		this.selected = view.selected;
		this.layers = { ...view.layers };
		this.camera = view.camera;
		this.time.mode = view.mode;
		this.time.speed = view.speed;
		this.histBy = view.hist;
		this.followView = view.followView;
		if (view.followView && this.#viewBox) this.#setBBox(this.#viewBox);
	}

	/** The map settled on a new view: the filter's box follows it while `followView`. */
	setViewBox(bbox: BBox): void {
		this.#viewBox = bbox;
		if (this.followView) this.#setBBox(bbox);
	}

	/** "Only events in view" on (the box is the map's view from now on) or off (no box at all). */
	setFollowView(on: boolean): void {
		this.followView = on;
		this.drawing = false;
		this.#setBBox(on ? (this.#viewBox ?? this.filter.bbox) : undefined);
	}

	/** A fixed box (drawn on the map), or none: either ends "only events in view". */
	setBBox(bbox: BBox | null): void {
		this.followView = false;
		this.drawing = false;
		this.#setBBox(bbox ?? undefined);
	}

	#setBBox(bbox: BBox | undefined): void {
		const cur = this.filter.bbox;
		if (cur === bbox || (cur && bbox && cur.every((v, k) => v === bbox[k]))) return;
		const { bbox: _old, ...rest } = this.filter;
		this.filter = bbox ? { ...rest, bbox } : rest;
	}

	/** The full filter, time window included when one is set. */
	fullFilter = $derived.by((): EventFilter => (this.windowed ? { ...this.filter, from: fromDay(this.time.start), to: fromDay(this.time.end) } : this.filter));

	/** Which part of the filter (all but its window) each event fails: facets.ts `facetMask`; the filter panel counts with it. */
	mask = $derived(facetMask(this.facets, this.events, this.filter));

	/** Which events pass the non-time filters (1) or not (0). */
	passing = $derived(this.mask.map((m) => (m === 0 ? 1 : 0)));

	/** Indices of the events shown: passing the filters and overlapping the window (undated ones only without a window). */
	visible = $derived.by(() => {
		const pass = this.passing;
		const { start, end } = this.index;
		const out: number[] = [];
		if (!this.windowed) {
			for (let i = 0; i < pass.length; i++) if (pass[i]) out.push(i);
			return out;
		}
		const from = this.time.start;
		const to = this.time.end;
		const undated = this.filter.undated === true; // undated events kept on request (they cannot be placed in time)
		for (let i = 0; i < pass.length; i++) if (pass[i] && ((start[i]! <= to && end[i]! >= from) || (undated && Number.isNaN(start[i]!)))) out.push(i);
		return out;
	});

	selectedIndex = $derived(this.selected === null ? -1 : (this.#byIdGet(this.selected) ?? -1));
	selectedEvent = $derived(this.selectedIndex >= 0 ? (this.events[this.selectedIndex] ?? null) : null);

	#byIdGet(id: string): number | undefined {
		void this.events; // re-run when the data changes
		return this.#byId.get(id);
	}

	indexOf(id: string): number {
		return this.#byId.get(id) ?? -1;
	}

	/** Each event's type as its index in EVENT_TYPES (the histogram stacks by it). */
	typeIndex = $derived.by(() => {
		const at = new Map<EventType, number>(EVENT_TYPES.map((t, k) => [t, k]));
		return Uint8Array.from(this.events, (e) => at.get(e.properties.event_type) ?? 0);
	});

	/** The filtered events' days: their extent (what the timeline fits to), playback's stops and gaps. */
	kept = $derived.by(() => {
		const pass = this.passing; // read once: a $derived read per event costs more than the loop
		return keptDays(this.index, (i) => pass[i] === 1);
	});

	/** The histogram's groups by country or actor over the filtered events (null: by event type). */
	histGroups = $derived.by(() => {
		if (this.histBy === 'type') return null;
		const pass = this.passing;
		return topGroups(this.events, this.histBy, (i) => pass[i] === 1);
	});

	/**
	 * Histogram of the filtered events over the day range [start, end], each bin split by event type (EVENT_TYPES
	 * order) or by `histGroups` (bottom-up).
	 */
	bins(start: number, end: number, count: number): number[][] {
		const pass = this.passing;
		const groups = this.histGroups;
		const [of, n] = groups ? [groups.of, groups.groups.length] : [this.typeIndex, EVENT_TYPES.length];
		return stackedHistogram(this.index, of, n, start, end, count, (i) => pass[i] === 1);
	}

	/** Moves the window so it ends on the next (or previous) filtered event's start day; keeps its width. */
	step(direction: 1 | -1): void {
		const { start, end } = this.time;
		const width = end - start;
		const stop = direction > 0 ? nextKeptStart(this.kept, end) : prevKeptStart(this.kept, end);
		if (stop === null) return;
		this.windowed = true;
		if (this.time.mode === 'cumulative') this.time.set(start, Math.max(start, stop));
		else this.time.set(stop - width, stop);
	}

	/** One playback tick of `days` (over empty stretches at once when `time.skip`); false at the end (playback stops). */
	tick(days: number): boolean {
		const ext = this.kept.extent ?? this.index.extent;
		if (!ext) return false;
		const win = { start: this.time.start, end: this.time.end };
		const next = this.time.skip ? skipWindow(win, days, this.time.mode, ext.end, this.kept) : advanceWindow(win, days, this.time.mode, ext.end);
		if (!next) return false;
		this.windowed = true;
		this.time.set(next.start, next.end);
		return true;
	}

	toggleLayer(t: Toggle, on: boolean): void {
		this.layers = { ...this.layers, [t]: on };
	}

	/** The view as it goes into the URL. */
	view = $derived.by(
		(): ViewState => ({
			camera: this.camera,
			filter: this.fullFilter,
			selected: this.selected,
			layers: this.layers,
			mode: this.time.mode,
			speed: this.time.speed,
			followView: this.followView,
			hist: this.histBy
		})
	);

	query = $derived(viewToParams(this.view).toString());
}
