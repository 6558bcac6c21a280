import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FilterParamError, FILTER_PARAMS } from '../../src/lib/domain/filter';
import { parseWallParams, unknownWallParams, wallToParams, wallUrlFor, WALL_DEFAULTS, WALL_PARAM_DOCS, WALL_PARAMS, type WallConfig } from '../../src/lib/domain/wallconfig';

const parse = (q: string) => parseWallParams(new URLSearchParams(q));

describe('parseWallParams', () => {
	it('gives the defaults for an empty query', () => {
		expect(parse('')).toEqual({ filter: {}, ...WALL_DEFAULTS });
	});
	it('shows the PNG button only when the URL has png, which survives the round trip', () => {
		expect(parse('').png).toBeUndefined();
		const c = parse('title=Border&png');
		expect(c.png).toBe(true);
		expect(parse(wallToParams(c).toString())).toEqual(c);
	});
	it('reads the shared filter and every wall parameter', () => {
		const c = parse('from=2021-11-01&to=2021-11-30&type=protest&country=pol,blr&region=22,51,25,55&speed=2.5&window=14&mode=cumulative&end=stop&hold=0&at=2021-11-08&theme=light&poll=5&title=Border%20crisis');
		expect(c).toEqual({
			filter: { from: '2021-11-01', to: '2021-11-30', types: ['PROTEST'], countries: ['POL', 'BLR'] },
			region: [22, 51, 25, 55],
			speed: 2.5,
			window: 14,
			mode: 'cumulative',
			end: 'stop',
			hold: 0,
			at: '2021-11-08',
			theme: 'light',
			poll: 5,
			title: 'Border crisis'
		});
	});
	it('reads a centre and zoom instead of a region', () => {
		const c = parse('center=27.56,53.9&zoom=6.5');
		expect(c.center).toEqual([27.56, 53.9]);
		expect(c.zoom).toBe(6.5);
		expect(c.region).toBeUndefined();
	});
	it.each([
		['speed=fast', 'speed'],
		['speed=0', 'speed'],
		['window=-3', 'window'],
		['mode=backwards', 'mode'],
		['end=forever', 'end'],
		['hold=-1', 'hold'],
		['at=8.11.2021', 'at'],
		['theme=blue', 'theme'],
		['poll=0.1', 'poll'],
		['region=1,2,3', 'region'],
		['region=0,60,10,50', 'region'],
		['center=27', 'center'],
		['center=200,50', 'center'],
		['zoom=30', 'zoom'],
		['from=2021-02-30', 'from'],
		['type=RIOT', 'type']
	])('rejects %s with an error naming the parameter %s', (query, param) => {
		try {
			parse(query);
			expect.unreachable(`${query} was accepted`);
		} catch (err) {
			expect(err).toBeInstanceOf(FilterParamError);
			expect((err as FilterParamError).param).toBe(param);
		}
	});
	it('honours the dashboard camera of a "Wall view" link (map=zoom/lat/lon) unless a centre is given, and knows sel and layers', () => {
		const link = new URLSearchParams('from=2021-11-01&to=2021-11-30&country=BLR&map=6.5/53.9/27.56&sel=ev-1&layers=points&mode=cumulative&speed=30');
		const wall = parseWallParams(link);
		expect(wall.center).toEqual([27.56, 53.9]);
		expect(wall.zoom).toBe(6.5);
		expect(wall.mode).toBe('cumulative');
		expect(wall.speed).toBe(30);
		expect(wall.filter.countries).toEqual(['BLR']);
		expect(unknownWallParams(link)).toEqual([]);
		expect(parseWallParams(new URLSearchParams('map=6/50/20&center=30,50&zoom=4'))).toMatchObject({ center: [30, 50], zoom: 4 });
		expect(() => parseWallParams(new URLSearchParams('map=6/50'))).toThrow(/map/);
	});

	it('documents every parameter it reads', () => {
		const documented = WALL_PARAM_DOCS.flatMap(([names]) => names.split(',').map((n) => n.trim()));
		for (const p of [...WALL_PARAMS, ...FILTER_PARAMS]) expect(documented).toContain(p);
	});

	it('lists parameters it does not know, without failing on them', () => {
		const params = new URLSearchParams('from=2021-01-01&sped=3&speed=3&colour=red');
		expect(unknownWallParams(params)).toEqual(['sped', 'colour']);
		expect(parseWallParams(params).speed).toBe(3);
	});
});

describe('wallUrlFor', () => {
	it('writes only what differs from the defaults, in a fixed order', () => {
		expect(wallUrlFor({})).toBe('/wall');
		expect(wallUrlFor({ speed: WALL_DEFAULTS.speed, theme: 'dark' })).toBe('/wall');
		expect(wallUrlFor({ filter: { to: '2021-11-30', from: '2021-11-01', types: ['PROTEST'] }, zoom: 6, center: [27.5, 53.9], mode: 'cumulative' })).toBe(
			'/wall?from=2021-11-01&to=2021-11-30&type=PROTEST&center=27.5%2C53.9&zoom=6&mode=cumulative'
		);
	});

	const config = fc.record(
		{
			filter: fc.record(
				{
					from: fc.constantFrom('2021-01-01', '2022-02-24'),
					types: fc.constantFrom(['PROTEST'], ['ASSAULT', 'COERCE']),
					countries: fc.constantFrom(['BLR'], ['POL', 'UKR']),
					q: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0)
				},
				{ requiredKeys: [] }
			),
			region: fc.constant([22, 51, 25.5, 55] as [number, number, number, number]),
			speed: fc.integer({ min: 1, max: 400 }).map((n) => n / 4),
			window: fc.integer({ min: 1, max: 365 }),
			mode: fc.constantFrom('moving' as const, 'cumulative' as const),
			end: fc.constantFrom('loop' as const, 'stop' as const),
			hold: fc.integer({ min: 0, max: 600 }),
			theme: fc.constantFrom('dark' as const, 'light' as const),
			poll: fc.integer({ min: 1, max: 600 }),
			title: fc.constantFrom('Border', 'الحدود البيلاروسية البولندية')
		},
		{ requiredKeys: ['filter', 'speed', 'window', 'mode', 'end', 'hold', 'theme', 'poll'] }
	);
	it('round-trips: parsing the URL of a wall gives that wall back', () => {
		fc.assert(
			fc.property(config, (c) => {
				const url = new URL(wallUrlFor(c as WallConfig), 'http://x');
				expect(url.pathname).toBe('/wall');
				const back = parseWallParams(url.searchParams);
				expect(back).toEqual({ ...c, filter: { ...c.filter, types: c.filter.types ? [...c.filter.types].sort() : undefined, countries: c.filter.countries ? [...c.filter.countries].sort() : undefined } });
				expect(wallToParams(back).toString()).toBe(url.searchParams.toString());
			})
		);
	});
});
