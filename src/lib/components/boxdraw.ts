// Dragging out the spatial filter's box on a MapLibre map: in draw mode, or with Shift held (which replaces box zoom).
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { BBox } from '$lib/domain/filter';
import { areaData, cornersBBox } from '$lib/map/area';
import { SOURCE } from '$lib/map/ids';

export interface BoxDrawing {
	/** The box being dragged (or null when none is), for the area layer while the drag lasts. */
	preview(bbox: BBox | null): void;
	/** The drag ended on a box at least a few pixels wide and high. */
	done(bbox: BBox): void;
	/** The drag was too small, or Escape was pressed. */
	cancel(): void;
}

const MIN_PIXELS = 4; // a smaller drag is a click, not a box

/**
 * Listens on the map: a left-button drag draws a box when `armed()` (the "Draw a box" button) or Shift is held.
 * Returns the function that stops listening.
 */
export function boxDrawing(m: MapLibreMap, armed: () => boolean, on: BoxDrawing): () => void {
	let start: { x: number; y: number; lngLat: [number, number] } | null = null;
	const container = m.getCanvasContainer();
	const at = (e: MouseEvent) => {
		const r = container.getBoundingClientRect();
		return { x: e.clientX - r.left, y: e.clientY - r.top };
	};
	const boxTo = (e: MouseEvent): BBox => {
		const p = at(e);
		const ll = m.unproject([p.x, p.y]);
		return cornersBBox(start!.lngLat, [ll.lng, ll.lat]);
	};
	const move = (e: MouseEvent) => {
		if (start) on.preview(boxTo(e));
	};
	const up = (e: MouseEvent) => {
		if (!start) return;
		const p = at(e);
		const big = Math.abs(p.x - start.x) >= MIN_PIXELS && Math.abs(p.y - start.y) >= MIN_PIXELS;
		const box = boxTo(e);
		stop();
		if (big) on.done(box);
		else on.cancel();
	};
	const key = (e: KeyboardEvent) => {
		if (e.key !== 'Escape') return;
		stop();
		on.cancel();
	};
	function stop() {
		start = null;
		on.preview(null);
		window.removeEventListener('mousemove', move);
		window.removeEventListener('mouseup', up);
	}
	const down = (e: MapMouseEvent) => {
		if (e.originalEvent.button !== 0 || !(armed() || e.originalEvent.shiftKey)) return;
		e.preventDefault(); // no drag pan (and no box zoom) for this drag
		start = { ...at(e.originalEvent), lngLat: [e.lngLat.lng, e.lngLat.lat] };
		window.addEventListener('mousemove', move);
		window.addEventListener('mouseup', up);
	};
	m.on('mousedown', down);
	window.addEventListener('keydown', key);
	return () => {
		stop();
		m.off('mousedown', down);
		window.removeEventListener('keydown', key);
	};
}

/** Puts a box (or none) into the map's area source. */
export function showArea(m: MapLibreMap, bbox: BBox | null | undefined): void {
	(m.getSource(SOURCE.area) as GeoJSONSource | undefined)?.setData(areaData(bbox));
}
