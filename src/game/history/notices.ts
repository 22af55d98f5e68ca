import type { ProgressStorage } from '../storage/index.ts';
import { h } from '../ui/dom.ts';

let shown: HTMLElement | null = null;

/** Shows the storage notices (damaged data, no storage, full storage) in a bar the learner can dismiss. */
export function showNotices(storage: ProgressStorage): void {
  const render = (): void => {
    shown?.remove();
    shown = null;
    if (storage.notices.length === 0) return;
    const list = h('div', { class: 'storage-notices', role: 'status', 'data-testid': 'storage-notices' });
    for (const notice of storage.notices) {
      const dismiss = h(
        'button',
        { type: 'button', class: 'button ghost', 'aria-label': 'Dismiss this message' },
        '×',
      );
      dismiss.addEventListener('click', () => storage.dismissNotice(notice));
      list.append(
        h(
          'div',
          { class: `storage-notice ${notice.kind}`, 'data-code': notice.code },
          h('p', {}, notice.text),
          dismiss,
        ),
      );
    }
    document.body.append(list);
    shown = list;
  };
  if (!subscribed.has(storage)) {
    subscribed.add(storage);
    storage.subscribe(render);
  }
  render();
}

const subscribed = new WeakSet<ProgressStorage>();
