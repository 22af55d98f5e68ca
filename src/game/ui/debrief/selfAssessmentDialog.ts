import { BandSchema, RATINGS, type Rating, type SelfAssessment } from '../../../progress/index.ts';
import type { Model } from '../../../scenario/index.ts';
import { PROGRESS_STRINGS } from '../../history/strings.ts';
import { STRINGS } from '../../strings.ts';
import { Dialog } from '../Dialog.ts';
import { h } from '../dom.ts';
import '../../history/progress.css';

const S = PROGRESS_STRINGS;

/** Assessment mode: rate each step and predict the band, on an opaque screen that hides the result until done. */
export function askSelfAssessment(model: Model): Promise<SelfAssessment> {
  return new Promise((resolve) => {
    const form = h('form', { class: 'self-assessment', 'data-testid': 'self-assessment' });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true }, S.self.needAll);
    const steps = model.steps.map((step) =>
      h(
        'fieldset',
        { class: 'rating' },
        h('legend', {}, S.self.stepLegend(step.name)),
        RATINGS.map((rating) =>
          h(
            'label',
            {},
            h('input', { type: 'radio', name: `step-${step.id}`, value: rating, required: true }),
            ` ${S.rating(rating)}`,
          ),
        ),
      ),
    );
    const band = h(
      'fieldset',
      { class: 'rating' },
      h('legend', {}, S.self.bandLegend),
      BandSchema.options.map((b) =>
        h(
          'label',
          {},
          h('input', { type: 'radio', name: 'band', value: b, required: true }),
          ` ${STRINGS.band(b)}`,
        ),
      ),
    );
    const submit = h('button', { type: 'submit', class: 'button primary' }, S.self.submit);
    // Escape does not close it: the result stays hidden until the learner has rated themselves.
    const dialog = new Dialog(
      {
        className: 'progress-dialog self-dialog',
        labelledBy: 'self-heading',
        escape: 'ignore',
        initialFocus: (el) => el.querySelector('input'),
      },
      h('h2', { id: 'self-heading' }, S.self.heading),
      h('p', {}, S.self.intro),
      form,
    );
    form.append(...steps, band, error, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const ratings: Record<string, Rating> = {};
      for (const step of model.steps) {
        const value = data.get(`step-${step.id}`);
        if (typeof value === 'string' && (RATINGS as readonly string[]).includes(value))
          ratings[step.id] = value as Rating;
      }
      const predicted = BandSchema.safeParse(data.get('band'));
      if (Object.keys(ratings).length !== model.steps.length || !predicted.success) {
        error.hidden = false;
        return;
      }
      dialog.close('action');
      resolve({ steps: ratings, predictedBand: predicted.data });
    });
    dialog.open();
  });
}
