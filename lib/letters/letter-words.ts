/** Words letters need in each letter language: custody statuses and the date line. */
import type { PublicPerson } from '@/lib/cases/public';
import type { CustodyStatus } from '@/lib/cases/vocabulary';
import type { LetterLanguage } from '@/lib/targets/vocabulary';

const CUSTODY_WORDS: Record<LetterLanguage, Record<CustodyStatus, string>> = {
  en: {
    in_hiding_third_country: 'in hiding in a third country',
    detained_in_china: 'detained in China',
    handed_over_to_north_korea: 'handed over to North Korea',
    interrogation_state_security: 'held for interrogation by state security',
    holding_centre: 'held in a holding centre',
    labour_training_camp: 'held in a labour training camp',
    prison: 'held in prison',
    political_prison_camp: 'held in a political prison camp',
    released_under_surveillance: 'released, under surveillance',
    reached_safety: 'in safety',
    deceased_reported: 'reported to have died',
    deceased_confirmed: 'confirmed to have died',
    unknown: 'missing, whereabouts unknown',
  },
  ko: {
    in_hiding_third_country: '제3국에서 은신 중',
    detained_in_china: '중국에 구금됨',
    handed_over_to_north_korea: '북한으로 강제송환됨',
    interrogation_state_security: '보위부(국가보위성) 조사 중',
    holding_centre: '집결소에 구금됨',
    labour_training_camp: '노동단련대에 수감됨',
    prison: '교화소에 수감됨',
    political_prison_camp: '정치범수용소에 수감됨',
    released_under_surveillance: '석방되었으나 감시 중',
    reached_safety: '안전한 곳에 도착함',
    deceased_reported: '사망 보도됨',
    deceased_confirmed: '사망 확인됨',
    unknown: '행방 불명',
  },
  zh: {
    in_hiding_third_country: '在第三国藏匿',
    detained_in_china: '在中国被拘留',
    handed_over_to_north_korea: '被遣返朝鲜',
    interrogation_state_security: '被国家保卫部门关押审讯',
    holding_centre: '被关押在集结所',
    labour_training_camp: '被关押在劳动锻炼队',
    prison: '被关押在教化所',
    political_prison_camp: '被关押在政治犯收容所',
    released_under_surveillance: '已获释但受监视',
    reached_safety: '已抵达安全地区',
    deceased_reported: '据报已死亡',
    deceased_confirmed: '已确认死亡',
    unknown: '下落不明',
  },
};

export function custodyWords(status: CustodyStatus, language: LetterLanguage): string {
  return CUSTODY_WORDS[language][status];
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "29 November 2026", "2026년 11월 29일", "2026年11月29日" for an ISO day. */
export function letterDate(isoDay: string, language: LetterLanguage): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  if (language === 'ko') return `${year}년 ${month}월 ${day}일`;
  if (language === 'zh') return `${year}年${month}月${day}日`;
  return `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** The person a letter is about: the first public person not (yet) in safety, else the first. */
export function letterPerson<P extends Pick<PublicPerson, 'custodyStatus'>>(people: P[]): P | null {
  return people.find((person) => person.custodyStatus !== 'reached_safety') ?? people[0] ?? null;
}
