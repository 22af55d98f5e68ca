import type { ConversationView } from '../../engine/index.ts';
import type { StageEmail, StageMessage } from '../art/drawMessages.ts';

/**
 * The conversation so far as chat messages: each customer turn, then the
 * learner's reply to it, oldest first (what a chat window shows).
 */
export function chatMessages(view: ConversationView): StageMessage[] {
  const messages: StageMessage[] = [];
  view.path.forEach((nodeId, i) => {
    const lines = view.scenario.nodes.get(nodeId)?.customer ?? [];
    if (lines.length > 0) messages.push({ from: 'customer', text: lines.join('\n') });
    const reply = view.transcript[i];
    if (reply !== undefined) messages.push({ from: 'learner', text: reply.choice.say });
  });
  return messages;
}

const SUBJECT = /^subject:\s*/i;

/**
 * The customer's latest email. The first email's subject is its first line
 * when that reads "Subject: ..." (how the library writes it); later emails
 * answer it ("Re: ..."). Without one the scenario's title stands in.
 */
export function latestEmail(view: ConversationView): StageEmail {
  const first = view.scenario.nodes.get(view.path[0] ?? '')?.customer[0] ?? '';
  const subject = SUBJECT.test(first) ? first.replace(SUBJECT, '') : view.scenario.title;
  const lines = view.node.customer;
  const own = lines[0] !== undefined && SUBJECT.test(lines[0]);
  return {
    from: view.scenario.customer.name,
    subject: own ? (lines[0] ?? '').replace(SUBJECT, '') : view.path.length > 1 ? `Re: ${subject}` : subject,
    body: own ? lines.slice(1) : lines,
  };
}
