// Attribution patterns, each on sentences written for this test.
import { describe, expect, it } from 'vitest';
import { extractWire, type WireExtraction } from '.';

const run = (...paragraphs: string[]) =>
  extractWire({ content: ['Harbour storm test story headline', ...paragraphs].join('\n\n') });
const said = (x: WireExtraction) =>
  x.story.quotes.map((q) => ({
    text: q.text,
    speaker: x.story.people.find((p) => p.key === q.speaker)?.name ?? null,
    source: x.story.sources.find((s) => s.key === q.source)?.name ?? null,
  }));

describe('attribution: speakers', () => {
  it('resolves "the minister" to the minister introduced before, not the prime minister', () => {
    const x = run(
      'OSLO, May 2 (NTB) - Fisheries Minister Hanne Dahl visited the flooded quay on Friday.',
      '"We will rebuild every metre of it," the minister told state broadcaster NRK.',
      'Prime Minister Erik Lunde, speaking later, said: "The state will pay for the repairs."'
    );
    expect(said(x)).toEqual([
      { text: '«We will rebuild every metre of it,»', speaker: 'Hanne Dahl', source: 'NRK' },
      { text: '«The state will pay for the repairs.»', speaker: 'Erik Lunde', source: 'NTB' },
    ]);
  });

  it('resolves a role told nowhere else to the only person named just before', () => {
    const x = run(
      'Union leader Marta Kowal called the offer an insult.',
      'The federation chairwoman said: "Our members will strike on Monday. Nobody wants this."'
    );
    expect(said(x)[0]).toMatchObject({ speaker: 'Marta Kowal' });
  });

  it('gives "the post reads" to the person who posted, on their account', () => {
    const x = run(
      'Mayor Jonas Berg said this on Facebook.',
      '"The bridge stays closed until the engineers have checked it," the post reads.'
    );
    expect(said(x)[0]).toMatchObject({
      speaker: 'Jonas Berg',
      source: "Jonas Berg's Facebook account",
    });
  });

  it('takes a named person before a colon without a speech verb, and nobody otherwise', () => {
    const x = run(
      'Governor Ana Ruiz defended the plan at a briefing: "The levee will hold this time, I promise."',
      'The storm left one message for the town: "Nothing here is safe from the sea anymore."'
    );
    expect(said(x)).toEqual([expect.objectContaining({ speaker: 'Ana Ruiz' })]);
    expect(x.story.flagged.map((f) => f.reason)).toEqual(['no-speaker']);
  });

  it('counts a partial quote in reported speech by a named speaker, not two words or no name', () => {
    const x = run(
      'Economy Minister Paul Weber said growth was "slowly coming back to life" this spring.',
      'Analyst Eva Lind said the plan was "hot air" at best.',
      'Critics said the plan was "far too little and far too late" for the region.'
    );
    expect(said(x).map((q) => [q.text, q.speaker])).toEqual([
      ['«slowly coming back to life»', 'Paul Weber'],
    ]);
  });

  it('never makes a person of an organisation after "spokesperson for"', () => {
    const x = run(
      'A spokesperson for the Nordic Council for Marine Safety said: "We need more ships now."'
    );
    expect(x.story.people).toEqual([]);
    expect(said(x)).toEqual([
      {
        text: '«We need more ships now.»',
        speaker: null,
        source: 'Nordic Council for Marine Safety',
      },
    ]);
  });
});

describe('attribution: sources', () => {
  it('takes the newspaper told, the venue, the releasing body and the programme', () => {
    const x = run(
      'Senator Mark Olsen told the Tribune-Herald newspaper: "The budget is dead on arrival."',
      'Commissioner Lea Moreau said at the European Parliament: "We will not accept this text."',
      '"The talks failed today and will not resume," envoy Tom Hale said in a statement released by the State Department.',
      'Navy captain Ivan Petrenko said on the Morning Wave radio that the mines were cleared.',
      '"No ship was hit this week," Petrenko said.'
    );
    expect(said(x).map((q) => q.source)).toEqual([
      'Tribune-Herald',
      'European Parliament',
      'State Department',
      'Morning Wave radio',
    ]);
  });

  it('takes the institution of a speaker at a news conference, spelled out from its acronym', () => {
    const x = run(
      'The International Energy Agency cut its forecast on Tuesday.',
      '"Demand is weaker than we thought," IEA Executive Director Fatih Birol told a news conference.'
    );
    expect(said(x)[0]).toMatchObject({
      speaker: 'Fatih Birol',
      source: 'International Energy Agency',
    });
  });

  it('reads Russian venues and press services, and links inflected surnames', () => {
    const x = run(
      'Министр транспорта Роман Старов выступил в Думе.',
      '«Мы построим новый мост через реку до конца года», - сказал Старов.',
      'Ранее вице-премьер Марат Хуснуллин заявил на заседании Правительственной комиссии по транспорту: «Денег на мост хватит полностью».',
      'В пресс-службе «Аэрофлота» агентству сообщили: «Все рейсы выполняются по расписанию сегодня».'
    );
    expect(said(x)).toEqual([
      expect.objectContaining({ speaker: 'Роман Старов' }),
      expect.objectContaining({
        speaker: 'Марат Хуснуллин',
        source: 'Правительственная комиссия по транспорту',
      }),
      expect.objectContaining({ speaker: null, source: 'Аэрофлот' }),
    ]);
  });
});
