/**
 * `npm run bench:letters`: renders 200 one-page letters (English, Korean and Chinese, addresses in
 * the host countries' scripts) into one PDF, three times, and reports the time of each run. The
 * target is under 5 seconds on a 2-core machine.
 */
import { performance } from 'node:perf_hooks';
import { SEED_TARGETS } from '@/db/seed-targets';
import { type PrintableLetter } from '@/lib/letters/printable-letter';
import { renderLettersPdf } from '@/lib/letters/render-letters-pdf';

const BODIES = {
  en: 'Your Excellency,\n\nI am writing about Mrs. Lee, a North Korean woman caught in northeast China with her four-year-old son and eight other defectors. We understand that she has been handed over to North Korea and is held for interrogation by state security.\n\nNorth Koreans returned by China face torture, imprisonment and worse. I respectfully ask your government to stop forced repatriations, to give the UNHCR access to North Koreans in China, and to tell us what has happened to the boy.\n\n12,480 people have signed our petition.\n\nYours faithfully,',
  ko: '대사님께\n\n중국 동북부에서 네 살 아들과 함께 체포된 북한 여성 이 씨에 관하여 글을 올립니다. 저희가 알기로 그녀는 북한으로 강제송환되어 보위부 조사를 받고 있습니다.\n\n중국이 돌려보낸 북한 사람들은 고문과 구금을 당합니다. 강제송환을 멈추고 아이의 행방을 알려 주시기를 정중히 요청드립니다.\n\n12,480명이 청원에 서명했습니다.\n\n삼가 올림',
  zh: '尊敬的大使阁下：\n\n我谨就李女士一事致函。她与四岁的儿子及另外八名脱北者在中国东北被捕。据我们了解，她已被遣返朝鲜，正被国家保卫部门关押审讯。\n\n被中国遣返的朝鲜人面临酷刑和监禁。我们恳请贵国政府停止强制遣返，并告知孩子的下落。\n\n已有12,480人签署了请愿书。\n\n此致\n敬礼',
} as const;

function letters(count: number): PrintableLetter[] {
  const languages = ['en', 'ko', 'zh'] as const;
  return Array.from({ length: count }, (_, index) => {
    const target = SEED_TARGETS[index % SEED_TARGETS.length]!;
    const language = languages[index % 3]!;
    return {
      language,
      senderName: 'Kim Min-ji',
      senderOrganisation: 'Seoul Families Support Group',
      dateLine: language === 'en' ? '29 November 2026' : language === 'ko' ? '2026년 11월 29일' : '2026年11月29日',
      addressName: language === 'zh' && target.nameZh ? target.nameZh : target.nameEn,
      addressLines: target.addressLines.split('\n'),
      body: BODIES[language],
    };
  });
}

const batch = letters(200);
const timings: number[] = [];
let size = 0;
let pages = 0;
for (let run = 0; run < 3; run += 1) {
  const started = performance.now();
  const { pdf, pagesPerLetter } = await renderLettersPdf(batch, 'a4', 'Benchmark');
  timings.push(performance.now() - started);
  size = pdf.length;
  pages = pagesPerLetter.reduce((sum, n) => sum + n, 0);
}
const seconds = timings.map((ms) => (ms / 1000).toFixed(2));
console.log(`200 letters → one PDF of ${pages} pages, ${(size / 1024).toFixed(0)} KiB; runs: ${seconds.join(' s, ')} s`);
const worst = Math.max(...timings) / 1000;
console.log(worst < 5 ? `PASS: slowest run ${worst.toFixed(2)} s < 5 s` : `FAIL: slowest run ${worst.toFixed(2)} s ≥ 5 s`);
if (worst >= 5) process.exitCode = 1;
