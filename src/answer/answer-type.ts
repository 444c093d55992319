/**
 * What kind of thing a question asks for, read from its question words: the
 * classic answer-type step of extractive question answering. A sentence that
 * holds such a thing (one the question itself does not mention) is more likely
 * to be the answer. English, Chinese and Japanese question words are known;
 * other questions, or those of no recognisable type, get `'other'`, which
 * favours no sentence.
 *
 * @see https://aclanthology.org/C02-1150/ (Li & Roth, learning question classifiers)
 */
export type AnswerType = 'number' | 'time' | 'name' | 'place' | 'other';

const NUMBER_QUESTION = /\b(how (many|much|long|far|old|large|big|tall|high|often)|what (percentage|percent|number|amount|proportion)|how much)\b/i;
const TIME_QUESTION = /\b(when|what (year|decade|century|date|day|month|time|period)|which (year|decade|century|date|day|month))\b/i;
const NAME_QUESTION = /\b(who|whom|whose|where|which (person|city|country|company|team|state|university|group))\b/i;

/**
 * Chinese and Japanese question words. Checked time first: `哪一年` asks for a
 * year, `几年` for a number of years.
 */
const CJK_TIME_QUESTION = /什么时候|甚么时候|什麼時候|何时|何時|哪一?年|哪一?天|哪一?日|何年|何月|何日|いつ|什么年代|哪个世纪|哪个朝代|哪一朝代|什么朝代/u;
const CJK_NUMBER_QUESTION = /多少|几|幾|多[大高长長重远遠久深宽寬厚快]|いくつ|いくら|何[人個歳回本枚]|どのくらい|どれくらい/u;
const CJK_PLACE_QUESTION = /哪里|哪裡|哪儿|哪兒|何处|何處|什么地方|什麼地方|在哪|哪[个個一]?(?:国家|國家|城市|地区|地區|省|州|县|縣|市|地方)|どこ/u;
const CJK_NAME_QUESTION = /谁|誰|哪位|だれ/u;

/** The answer type a question asks for. */
export function detectAnswerType(question: string): AnswerType {
  if (NUMBER_QUESTION.test(question)) return 'number';
  if (TIME_QUESTION.test(question)) return 'time';
  if (NAME_QUESTION.test(question)) return 'name';
  if (CJK_TIME_QUESTION.test(question)) return 'time';
  if (CJK_NUMBER_QUESTION.test(question)) return 'number';
  if (CJK_PLACE_QUESTION.test(question)) return 'place';
  if (CJK_NAME_QUESTION.test(question)) return 'name';
  return 'other';
}

const NUMBER = /\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half)\b/gi;
const TIME = /\b(1[0-9]{3}|20[0-9]{2})s?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|century|decade|spring|summer|autumn|fall|winter)\b|\b\d{1,2}(st|nd|rd|th)\b/gi;
/** A capitalised word that does not start the sentence: a proper name, roughly. */
const NAME = /(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{L}\p{M}'’-]+/gu;

/**
 * Numbers written in Chinese characters: a run of two numerals (`二十`,
 * `三千`), or one before a counter (`五个`, `两次`). A lone `一` is left out:
 * it is in too many words (`一种`, `统一`).
 */
const CJK_NUMBER = /[〇零一二三四五六七八九十百千万萬亿億两兩]{2,}|[二三四五六七八九十百千万萬亿億两兩][个個名位项項次种種岁歲年天人只座条條倍]/gu;
/** Dates in Chinese and Japanese: `1588年`, `3月`, `5日`, centuries and eras. */
const CJK_TIME = /\d+\s*[年月日]|[〇零一二三四五六七八九十百千]+[年月日]|世纪|世紀|年代|公元|時代|时代|朝/gu;
/** Place names end in an administrative or geographic word (`扬州市`, `广陵区`, `台湾岛`). */
const CJK_PLACE = /\p{Script=Han}{1,8}(?:省|市|县|縣|区|區|国|國|州|岛|島|镇|鎮|村|洲|湾|灣|海|山|河|湖|都|府|道)/gu;

/**
 * True when `sentence` holds a token of the wanted type that the question does
 * not already contain (`question` in lowercase), so the sentence adds the
 * missing piece rather than repeating the question.
 */
export function hasAnswerOfType(sentence: string, type: AnswerType, questionLower: string): boolean {
  for (const pattern of patternsFor(type)) {
    for (const match of sentence.matchAll(pattern)) {
      if (!questionLower.includes(match[0].toLowerCase())) return true;
    }
  }
  return false;
}

function patternsFor(type: AnswerType): RegExp[] {
  switch (type) {
    case 'number':
      return [NUMBER, CJK_NUMBER];
    case 'time':
      return [TIME, CJK_TIME];
    case 'name':
      return [NAME];
    case 'place':
      return [CJK_PLACE, NAME];
    case 'other':
      return [];
  }
}
