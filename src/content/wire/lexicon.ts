// Word lists for finding people: titles that introduce a name, and capitalised words that are
// never part of a personal name (organisations, places, months, nationalities).
export const TITLE_WORDS = new Set(
  (
    'president presidents premier minister secretary secretary-general commissioner chancellor spokesman ' +
    'spokeswoman spokesperson leader head chief director chairman chairwoman chair governor mayor ' +
    'ambassador senator envoy counterpart king queen prince pope patriarch ceo founder deputy speaker ' +
    'adviser advisor aide prosecutor judge commander general colonel lawyer activist analyst ' +
    'correspondent journalist editor blogger candidate rapporteur representative coordinator ' +
    'президент премьер премьер-министр министр глава лидер председатель пресс-секретарь представитель ' +
    'спикер губернатор мэр посол генсек секретарь директор депутат советник кандидат комиссар ' +
    'member верховный правозащитник оппозиционер политик командующий professor researcher scientist ' +
    'economist administrator official полпред вице-премьер гендиректор'
  ).split(' ')
);

// Russian titles are inflected ("президента", "министром"): a Cyrillic word counts when its stem is a title.
const CYRILLIC_TITLE_STEMS = [...TITLE_WORDS].filter((w) => /^[а-яё-]+$/.test(w) && w.length >= 5);

export const isTitle = (word: string) => {
  const w = word.toLowerCase();
  if (TITLE_WORDS.has(w)) return true;
  // "Director-General", "вице-премьер": a hyphenated title whose parts include one.
  if (w.includes('-') && w.split('-').some((part) => TITLE_WORDS.has(part))) return true;
  return (
    /^[а-яё-]+$/.test(w) &&
    CYRILLIC_TITLE_STEMS.some((t) => w.startsWith(t) && w.length - t.length <= 3)
  );
};

// Capitalised words that are never part of a personal name.
export const NOT_NAMES = new Set(
  (
    'the a an this that these those it he she they we i in on at of for to and but or as by from with ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december earlier later meanwhile however according speaking ' +
    'russian belarusian ukrainian french german american british chinese polish european lithuanian ' +
    'latvian estonian georgian kazakh armenian italian spanish turkish iranian israeli english ' +
    'federation council union republic ministry committee sea agency service party court office states ' +
    'nations kingdom government parliament assembly department bank fund organization organisation ' +
    'house city square street news media press state human rights black white west east north south ' +
    'un us uk eu nato kremlin telegram twitter facebook interfax reuters tass minsk moscow kyiv sochi ' +
    'paris geneva washington london berlin brussels belarus russia ukraine france germany poland ' +
    'institute centre centres center centers university commission navy army corps police bureau ' +
    'authority administration association foundation company group prevention control bundestag ' +
    'duma senate congress cabinet coalition environment climate development infrastructure ' +
    'restoration communities territories affairs defence defense security health finance economy ' +
    'в на и о об от по из за с к для при это'
  ).split(' ')
);
