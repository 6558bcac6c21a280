import { describe, expect, it } from 'vitest';
import { announce, ANNOUNCE_GAP, SILENT, type Spoken } from '$lib/state/announce';

/**
 * Plays `steps` news items, one every `every` ms of simulated time, through announce(), following its retries as a
 * timer would (a retry is replaced by the next news, as Announcer does); returns every text the region held.
 */
function simulate(steps: number, every: number): { said: { text: string; at: number }[]; last: string } {
	let spoken: Spoken = SILENT;
	let latest = '';
	let retryAt: number | null = null;
	const said: { text: string; at: number }[] = [];
	const feed = (text: string, now: number) => {
		latest = text;
		const r = announce(spoken, text, now);
		if (r.spoken !== spoken) said.push(r.spoken);
		spoken = r.spoken;
		retryAt = r.retryIn === null ? null : now + r.retryIn;
	};
	const end = steps * every + 2 * ANNOUNCE_GAP;
	for (let now = 0; now <= end; now++) {
		if (retryAt !== null && now >= retryAt) feed(latest, now);
		if (now % every === 0 && now / every < steps) feed(`${now / every} events`, now);
	}
	return { said, last: spoken.text };
}

describe('announce', () => {
	it('announces a 20-steps-a-second playback of 10 s at most once a second, and ends on the last step', () => {
		const { said, last } = simulate(200, 50);
		expect(said.length).toBeGreaterThan(5);
		expect(said.length).toBeLessThanOrEqual(11);
		for (let k = 1; k < said.length; k++) expect(said[k]!.at - said[k - 1]!.at).toBeGreaterThanOrEqual(ANNOUNCE_GAP);
		expect(last).toBe('199 events');
	});

	it('says news at once when nothing was said for a second', () => {
		const { said } = simulate(3, 2000);
		expect(said.map((s) => s.text)).toEqual(['0 events', '1 events', '2 events']);
		expect(said.map((s) => s.at)).toEqual([0, 2000, 4000]);
	});

	it('changes nothing for news equal to what is held', () => {
		const prev = { text: '5 events', at: 0 };
		expect(announce(prev, '5 events', 10)).toEqual({ spoken: prev, retryIn: null });
	});

	it('holds news that comes too soon and says when to try again', () => {
		expect(announce({ text: 'a', at: 1000 }, 'b', 1300)).toEqual({ spoken: { text: 'a', at: 1000 }, retryIn: 700 });
	});
});
