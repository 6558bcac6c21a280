// The map as a PNG: the next MapLibre frame (and the events canvas over it) copied, framed with title, window, legend and attribution, downloaded.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawSnapshot, snapshotLayout, type SnapshotContent } from '$lib/map/snapshot';

/**
 * The map's next frame, with `overlay` (a canvas over the map, any size) drawn on top, on a new canvas of the
 * map canvas's pixel size. Read in the `render` event: without preserveDrawingBuffer the WebGL buffer is only
 * readable in the task that drew it, so a plain toBlob later would give a blank image.
 */
export function captureMap(map: MapLibreMap, overlay?: HTMLCanvasElement | null): Promise<HTMLCanvasElement> {
	return new Promise((resolve) => {
		map.once('render', () => {
			const gl = map.getCanvas();
			const out = document.createElement('canvas');
			out.width = gl.width;
			out.height = gl.height;
			const ctx = out.getContext('2d')!;
			ctx.drawImage(gl, 0, 0);
			if (overlay && overlay.width && overlay.height) ctx.drawImage(overlay, 0, 0, out.width, out.height);
			resolve(out);
		});
		map.triggerRepaint();
	});
}

/** Frames a captured map with the content's texts and legend (see snapshotLayout) and downloads it as `fileName`. */
export async function downloadSnapshot(map: HTMLCanvasElement, content: Omit<SnapshotContent, 'map'>, fileName: string): Promise<void> {
	// The canvas text uses the page's Noto Sans: a face no element has used yet is not loaded until asked for.
	await Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 16px "Noto Sans"`).catch(() => [])));
	const out = document.createElement('canvas');
	const ctx = out.getContext('2d')!;
	const measure = (text: string, font: string) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	};
	const layout = snapshotLayout({ ...content, map: { width: map.width, height: map.height } }, measure);
	out.width = layout.width;
	out.height = layout.height;
	drawSnapshot(ctx, layout, map, content.pixelRatio);
	const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('the browser could not encode the map image');
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
