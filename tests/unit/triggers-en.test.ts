import { describe, expect, it } from 'vitest';
import { classify } from '../../src/lib/server/pipeline/classify';
import type { EventType } from '../../src/lib/domain/event';

const top = (s: string) => classify(s, 'en')[0];
const types = (s: string) => classify(s, 'en').map((t) => t.type);

// Each sentence states one event in words the first English lexicon had no trigger for.
const ENGLISH: [string, EventType][] = [
	// strikes, shelling, missiles, drones
	['A drone struck an oil depot in Bryansk on Tuesday.', 'ASSAULT'],
	['The hospital in Vuhledar was struck on Saturday morning.', 'ASSAULT'],
	['A rocket hit a residential block in Nikopol on Saturday.', 'ASSAULT'],
	['Russia fired cruise missiles at Dnipro on 14 January 2023.', 'ASSAULT'],
	['Three Iranian-made drones were launched at Odesa before dawn.', 'ASSAULT'],
	['Border guards fired on a boat on the Bug river.', 'ASSAULT'],
	['Kherson came under heavy artillery fire on Thursday.', 'ASSAULT'],
	['Polish air defences shot down a drone over Rzeszow.', 'ASSAULT'],
	['Two Russian drones were shot down over Kyiv overnight.', 'ASSAULT'],
	['A patrol boat rammed a fishing trawler off the Estonian coast.', 'ASSAULT'],
	// explosions, fires, damage, sabotage, casualties
	['Blasts were heard across Lviv early on Monday.', 'ASSAULT'],
	['A fuel depot exploded in Kaluga on Sunday.', 'ASSAULT'],
	['A warehouse burned down in Kursk overnight.', 'ASSAULT'],
	['Investigators said the rail line near Bryansk was damaged by sabotage.', 'ASSAULT'],
	['The blast injured five people in Belgorod.', 'ASSAULT'],
	['A cyberattack knocked out Ukrainian banking websites on 15 February.', 'ASSAULT'],
	// sieges, captures, occupation
	['Separatist forces besieged the town of Avdiivka in October 2023.', 'ASSAULT'],
	['Ukrainian forces encircled Lyman in late September.', 'ASSAULT'],
	['Paratroopers captured the airfield outside Melitopol on Friday.', 'ASSAULT'],
	['The village was captured on Monday.', 'ASSAULT'],
	['Russian forces seized the Chernobyl exclusion zone on the first day of the war.', 'ASSAULT'],
	['Russian troops occupied the Zaporizhzhia nuclear plant on 4 March 2022.', 'ASSAULT'],
	['Russia annexed four Ukrainian regions on 30 September 2022.', 'ASSAULT'],
	// movement, retreat
	['Belarusian forces held drills near the Polish border.', 'MOBILIZE'],
	['A Ukrainian delegation landed in Warsaw on Wednesday.', 'MOBILIZE'],
	['Russian units pulled back from the west bank of the Dnipro.', 'RETREAT'],
	// repression, borders, flights
	['Two activists were taken into custody in Grodno on Monday.', 'COERCE'],
	['The Kremlin announced a naval blockade of the Black Sea ports.', 'COERCE'],
	['Poland closed the Kuznica border crossing on 9 November.', 'COERCE'],
	['A fighter jet forced the airliner to land in Minsk.', 'COERCE'],
	['Air traffic controllers in Minsk diverted the flight from Vilnius.', 'COERCE'],
	// protest, sanctions, diplomacy, aid
	['Hundreds picketed the parliament in Chisinau on Monday.', 'PROTEST'],
	['Lithuania banned imports of Belarusian fertiliser in February.', 'SANCTION'],
	["Russia's foreign ministry summoned the Polish ambassador on Tuesday.", 'ACCUSE'],
	['Macron telephoned Putin on Friday.', 'CONSULT'],
	['Germany supplied air-defence systems to Kyiv last week.', 'AID'],
	['Ukraine received a shipment of tanks from Poland on 3 April.', 'AID']
];

describe('English triggers: conflict, movement, repression, protest and diplomacy', () => {
	it.each(ENGLISH)('reads "%s" as a %s event', (sentence, type) => {
		expect(top(sentence)).toMatchObject({ type, modal: false });
	});

	it('weights a phrase that names the act above its bare noun', () => {
		expect(top('The convoy came under attack near Izium on Sunday.')).toMatchObject({ type: 'ASSAULT', weight: 0.9 });
		expect(top('Russia moved additional troops to Belgorod in April.')).toMatchObject({ type: 'MOBILIZE', weight: 0.8 });
		expect(top('Two missiles hit the port of Izmail overnight.')).toMatchObject({ type: 'ASSAULT', weight: 0.85 });
		expect(top('The port of Izmail was hit by Russian drones overnight.')).toMatchObject({ type: 'ASSAULT', weight: 0.8 });
	});

	it('reads a strike with a weapon or a target as an assault, a strike of workers as a protest', () => {
		expect(top('An artillery strike hit a school in Horlivka on Monday.')).toMatchObject({ type: 'ASSAULT' });
		expect(top('Ukrainian drones struck Russian positions near Kreminna on Friday.')).toMatchObject({ type: 'ASSAULT' });
		expect(top('Ukraine may now strike military targets inside Russia.')).toMatchObject({ type: 'ASSAULT', modal: true });
		expect(top('Workers staged a general strike across the territory on Monday.')).toMatchObject({ type: 'PROTEST' });
	});

	it('weights a material act above a vague noun', () => {
		expect(top('Russia fired cruise missiles at Dnipro.')!.weight).toBeGreaterThanOrEqual(0.8);
		expect(top('Missiles are expensive.')!.weight).toBeLessThan(0.6);
	});
});

describe('English triggers: other senses of the same words', () => {
	it.each([
		'Exports hit a record high in May.',
		'The two governments struck a deal on grain exports.',
		"The opposition launched an attack on the government's energy policy.",
		'The club fired its coach after the defeat.',
		'The minister was fired on Monday.',
		'The striker hit the post twice in the second half.',
		'Strike a balance between security and trade, the report said.',
		'Fuel prices rocketed in Moscow last month.',
		'A long-range bomber flew over the Baltic Sea.',
		'Residents hid in an air raid shelter in Kharkiv.',
		'The ministry said it intercepted calls between Russian officers.',
		'The ship was struck off the register in 2019.',
		'The bridge to occupied Crimea reopened on Sunday.',
		'The shop sells power drills and saws.',
		'Firefighters battled the blaze for three hours.',
		'A pedestrian was struck by a car on Main Street.',
		'She hit the winning three-pointer with seven seconds left.',
		'The captured heat could warm a dozen buildings.',
		'He was charged with possession of an offensive weapon.'
	])('finds no event in "%s"', (sentence) => {
		expect(classify(sentence, 'en').filter((t) => t.weight >= 0.6)).toEqual([]);
	});

	it('does not read a person "under siege" as a siege', () => {
		expect(types('The Belarusian leader under siege said the people should decide.')).not.toContain('ASSAULT');
	});

	it('reads a capitalised "March" inside a sentence as the month, not a march', () => {
		expect(types('Troops occupied the plant on 4 March.')).not.toContain('PROTEST');
		expect(types('March organisers said 5,000 people came.')).toContain('PROTEST');
	});
});

describe('English guards for the new triggers', () => {
	it('keeps negation working', () => {
		expect(classify('Russian forces did not capture the town.', 'en')).toEqual([]);
	});

	it('marks an infinitive of permission or attempt as modal, not one after "in response to" or of a trip', () => {
		expect(top('He was given permission to attack targets inside Russia.')).toMatchObject({ type: 'ASSAULT', modal: true });
		expect(top('Russian forces tried to encircle the town.')).toMatchObject({ type: 'ASSAULT', modal: true });
		expect(top('In response to the shelling, the city opened shelters.')).toMatchObject({ type: 'ASSAULT', modal: false });
		expect(top('Lukashenko flew to Sochi to meet Putin on Monday.')).toMatchObject({ type: 'CONSULT', modal: false });
	});

	it('keeps hypothetical and quoted attacks out', () => {
		expect(classify('If Russia fired missiles at Poland, NATO would respond.', 'en')).toEqual([]);
		expect(types('He said: "they will shoot down every drone over the city".')).not.toContain('ASSAULT');
	});
});
