// Wall display figures (printed, not asserted): per-frame work of the playback clock at 10k and 100k events.
import type { EventFeature } from '../src/lib/domain/event';
import { currentEvents, eventLook, timeline, type PlaybackOptions } from '../src/lib/domain/playback';
import { fromDay, toDay } from '../src/lib/domain/time';

function synth(n: number): EventFeature[] {
	const start = toDay('2021-01-01');
	return Array.from({ length: n }, (_, i) => {
		const day = fromDay(start + ((i * 7919) % 1095));
		return {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [20 + ((i * 13) % 160) / 10, 49 + ((i * 17) % 80) / 10] },
			properties: { id: `b${i}`, date_start: day, date_end: day, date_precision: 'day', source_id: `s${i % 500}`, evidence_start: i } as EventFeature['properties']
		};
	});
}

const ms = (t0: number) => (performance.now() - t0).toFixed(2);

export async function benchWall(): Promise<void> {
	const opts: PlaybackOptions = { speed: 7, window: 30, mode: 'moving', end: 'loop' };
	for (const n of [10_000, 100_000]) {
		const features = synth(n);
		let t0 = performance.now();
		const tl = timeline(features);
		const build = ms(t0);
		const frames = 120;
		const first = tl[0]!.t0;
		t0 = performance.now();
		let shown = 0;
		for (let f = 0; f < frames; f++) {
			const t = first + 200 + f * (opts.speed / 60);
			for (const e of tl) if (eventLook(e, t, opts).opacity > 0) shown++;
		}
		const look = (performance.now() - t0) / frames;
		t0 = performance.now();
		for (let f = 0; f < frames; f++) currentEvents(tl, first + 200 + f * 0.1, opts, 3);
		const captions = (performance.now() - t0) / frames;
		console.log(
			`${n.toLocaleString('en')} events: timeline ${build} ms once; per frame: looks ${look.toFixed(2)} ms (${Math.round(shown / frames)} on screen), captions ${(captions * 1000).toFixed(1)} µs`
		);
	}
}
