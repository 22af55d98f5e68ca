import type { Catalogue } from '../scenario/index.ts';
import type { RunScore } from './types.ts';

/** One line per fault: the act's name, the reply that caused it, its cost, and a word if it is critical. */
export function explainFaults(score: RunScore, catalogue: Catalogue): string[] {
  return score.faults.map((fault) => {
    const act = catalogue.acts.get(fault.act);
    const name = act?.name ?? fault.act;
    const cost = `−${fault.penalty} ${fault.penalty === 1 ? 'mark' : 'marks'}`;
    const critical = act?.critical === true ? ' Critical: this alone means Not yet achieved.' : '';
    return `${name} (${fault.act}) in reply ${fault.choice}: ${cost}.${critical}`;
  });
}
