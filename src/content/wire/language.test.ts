import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['Президент Белоруссии прибыл в Сочи, чтобы встретиться с российским коллегой.', 'ru'],
    [
      'Президент Білорусі прибув до Сочі, щоб зустрітися з російським колегою та їхньою делегацією.',
      'uk',
    ],
    ['Прэзідэнт Беларусі прыбыў у Сочы, каб сустрэцца з расійскім калегам.', 'be'],
    ['The president of Belarus arrived in Sochi to meet with his Russian counterpart.', 'en'],
    [
      'Der Präsident von Belarus ist in Sotschi eingetroffen, um sich mit dem russischen Kollegen zu treffen.',
      'de',
    ],
    [
      'Le président du Bélarus est arrivé à Sotchi pour rencontrer son homologue russe dans la ville.',
      'fr',
    ],
  ])('%s → %s', (text, language) => expect(detectLanguage(text)).toBe(language));
  it.each(['', 'Lukashenko', '12345 67890 !!!', 'Vladimir Putin Alexander Lukashenko'])(
    '%j → undefined',
    (text) => expect(detectLanguage(text)).toBeUndefined()
  );
});
