// Column-oriented name index and place table: loads from two cache files in ~0.1 s, makes Place objects on demand.
import type { Place } from '../../domain/place';
import { PLACE_KINDS, type GeoPrecision, type PlaceKind } from '../../domain/event';

export type NameKind = 'name' | 'alias' | 'demonym' | 'code';
export const NAME_KINDS: NameKind[] = ['name', 'alias', 'demonym', 'code'];

export interface IndexEntry {
	place: Place;
	/** log10-scale prior: population for cities/admins, fixed levels for countries and regions. */
	prior: number;
	nameKind: NameKind;
}

/** Number columns per place in `nums`: kind, lat, lon, geonames id, population, geo precision, prior. */
const COLS = 7;

export interface CompactParts {
	keys: string[]; // sorted
	postStart: Int32Array; // keys.length + 1
	postings: Int32Array; // placeIndex * 4 + nameKind
	ids: string[];
	names: string[];
	countryCodes: string[]; // joined by ','
	nums: Float64Array; // ids.length * COLS
}

const MEMO_SIZE = 100_000;

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
	if (memo.size >= MEMO_SIZE) memo.clear();
	memo.set(key, value);
}

export class CompactStore {
	private cache: (Place | undefined)[];
	private byIdMap: Map<string, number> | null = null;

	/** At the first key of each first-word group ("new", "new york", "new zealand"): the most words in that group. */
	private groupWords: Uint8Array | null = null;

	constructor(readonly parts: CompactParts) {
		this.cache = new Array(parts.ids.length);
	}

	/**
	 * One pass over the sorted keys (≈ 30 ms for 400k): keys that share a first word are contiguous, because a space
	 * sorts before every letter and digit. Lookups are binary searches: no hash map of every key to build at start.
	 */
	private ensureIndex(): void {
		if (this.groupWords) return;
		const keys = this.parts.keys;
		const words = new Uint8Array(keys.length);
		let groupStart = 0;
		let groupFirst = '';
		for (let k = 0; k < keys.length; k++) {
			const key = keys[k]!;
			const sp = key.indexOf(' ');
			const first = sp < 0 ? key : key.slice(0, sp);
			if (k === 0 || first !== groupFirst) {
				groupStart = k;
				groupFirst = first;
			}
			let n = 1;
			for (let c = sp; c >= 0; c = key.indexOf(' ', c + 1)) n++;
			if (words[groupStart]! < n) words[groupStart] = Math.min(n, 255);
		}
		this.groupWords = words;
	}

	/** The most words any name starting with this word has; 0 when no name starts with it. */
	maxWordsFrom(firstWord: string): number {
		this.ensureIndex();
		const hit = this.wordsMemo.get(firstWord);
		if (hit !== undefined) return hit;
		const k = this.lowerBound(firstWord);
		const key = this.parts.keys[k];
		const n = key === undefined || !(key === firstWord || (key.startsWith(firstWord) && key.charCodeAt(firstWord.length) === 32)) ? 0 : this.groupWords![k]!;
		remember(this.wordsMemo, firstWord, n);
		return n;
	}

	// Words recur from article to article: bounded memos of the binary searches' answers.
	private wordsMemo = new Map<string, number>();
	private keyMemo = new Map<string, number>();

	/** Position of the first key ≥ `key` (keys are sorted by UTF-16 code units, as `<` compares). */
	private lowerBound(key: string): number {
		const keys = this.parts.keys;
		let lo = 0;
		let hi = keys.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (keys[mid]! < key) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Builds the store from maps (the slow path, when there is no cache). */
	static from(places: Map<string, Place>, priors: Map<string, number>, index: Map<string, { id: string; nameKind: NameKind }[]>): CompactStore {
		const ids = [...places.keys()];
		const pos = new Map(ids.map((id, i) => [id, i]));
		const names: string[] = [];
		const countryCodes: string[] = [];
		const nums = new Float64Array(ids.length * COLS);
		ids.forEach((id, i) => {
			const p = places.get(id)!;
			names.push(p.name);
			countryCodes.push(p.country_codes.join(','));
			nums.set([PLACE_KINDS.indexOf(p.kind), p.lat, p.lon, p.geonames_id ?? 0, p.population ?? 0, p.geo_precision, priors.get(id) ?? 0], i * COLS);
		});
		const keys = [...index.keys()].sort();
		const postStart = new Int32Array(keys.length + 1);
		const post: number[] = [];
		keys.forEach((k, i) => {
			postStart[i] = post.length;
			for (const e of index.get(k)!) post.push(pos.get(e.id)! * 4 + NAME_KINDS.indexOf(e.nameKind));
		});
		postStart[keys.length] = post.length;
		return new CompactStore({ keys, postStart, postings: Int32Array.from(post), ids, names, countryCodes, nums });
	}

	get size(): number {
		return this.parts.ids.length;
	}

	placeAt(i: number): Place {
		let p = this.cache[i];
		if (p) return p;
		const n = this.parts.nums;
		const o = i * COLS;
		const cc = this.parts.countryCodes[i]!;
		p = {
			id: this.parts.ids[i]!,
			name: this.parts.names[i]!,
			kind: PLACE_KINDS[n[o]!] as PlaceKind,
			lat: n[o + 1]!,
			lon: n[o + 2]!,
			country_codes: Object.freeze(cc ? cc.split(',') : []) as string[],
			geonames_id: n[o + 3] || null,
			population: n[o + 4] || null,
			geo_precision: n[o + 5] as GeoPrecision
		};
		// Shared by every caller: frozen, so no one can change a place for everyone else.
		Object.freeze(p);
		this.cache[i] = p;
		return p;
	}

	priorAt(i: number): number {
		return this.parts.nums[i * COLS + 6]!;
	}

	place(id: string): Place | undefined {
		if (!this.byIdMap) {
			this.byIdMap = new Map();
			this.parts.ids.forEach((pid, i) => this.byIdMap!.set(pid, i));
		}
		const i = this.byIdMap.get(id);
		return i === undefined ? undefined : this.placeAt(i);
	}

	private entryCache = new Map<number, IndexEntry[]>();

	private entriesAt(k: number): IndexEntry[] {
		const hit = this.entryCache.get(k);
		if (hit) return hit;
		const out: IndexEntry[] = [];
		for (let j = this.parts.postStart[k]!; j < this.parts.postStart[k + 1]!; j++) {
			const v = this.parts.postings[j]!;
			const i = v >> 2;
			out.push({ place: this.placeAt(i), prior: this.priorAt(i), nameKind: NAME_KINDS[v & 3]! });
		}
		this.entryCache.set(k, out);
		return out;
	}

	/** Entries for one normalised name key. */
	lookup(key: string): IndexEntry[] | undefined {
		let k = this.keyMemo.get(key);
		if (k === undefined) {
			k = this.lowerBound(key);
			if (this.parts.keys[k] !== key) k = -1;
			remember(this.keyMemo, key, k);
		}
		return k < 0 ? undefined : this.entriesAt(k);
	}

	/** Entries of every key that starts with `prefix`, each with whether its key equals the prefix. */
	*prefixed(prefix: string): Generator<{ key: string; entries: IndexEntry[] }> {
		const keys = this.parts.keys;
		for (let k = this.lowerBound(prefix); k < keys.length && keys[k]!.startsWith(prefix); k++) yield { key: keys[k]!, entries: this.entriesAt(k) };
	}
}
