import { note, paragraph } from '../pdf-layout.js';
import type { Section } from './section.js';

/** The reviewers' comments on the case, oldest first, each with its author (a manager, or the partner's API key). */
export const commentsSection: Section = {
  title: 'Comments',
  async render(doc, dossier) {
    const comments = await dossier.comments();
    if (comments.length === 0) return note(doc, 'No comments.');
    for (const comment of comments) {
      const author = comment.manager ? `${comment.manager.name} ${comment.manager.surname} <${comment.manager.email}>` : 'the partner’s API';
      note(doc, `${comment.created}, ${author}:`);
      paragraph(doc, comment.content, { indent: 10 });
    }
  },
};
