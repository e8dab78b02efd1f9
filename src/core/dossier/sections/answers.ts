import { answersDisplay } from '../../answers/answers-display.js';
import { field, note, subheading } from '../pdf-layout.js';
import type { Section } from './section.js';

/** The questionnaire as a reviewer reads it: applicable questions only, choices by title. */
export const answersSection: Section = {
  title: 'Questionnaire answers',
  async render(doc, dossier) {
    const questionnaires = await answersDisplay({ ctx: dossier.formCtx });
    if (questionnaires.length === 0) return note(doc, 'This case has no questionnaire.');
    for (const questionnaire of questionnaires) {
      subheading(doc, questionnaire.title || questionnaire.name);
      for (const section of questionnaire.sections) {
        subheading(doc, section.title);
        for (const question of section.questions) {
          // A file answer is a signed link that expires: name the file kind instead.
          const value = question.type === 'FILE' ? (question.value === null ? null : 'file attached (see the API)') : question.value;
          field(doc, question.title || question.key, typeof value === 'boolean' ? (value ? 'yes' : 'no') : value);
        }
      }
    }
  },
};
