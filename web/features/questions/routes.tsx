import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/feature-collection';
import { ASK_PATH, FAQ_PATH, QUESTION_PATH, QUESTIONS_PATH } from './paths';

/**
 * The online Q&A's public pages (issue 11): the list and search, asking, a question's page and the FAQ. Also
 * prerendered in the public document (web/public-site/pages.ts); here for in-app navigation.
 */
export const routes: RouteObject[] = [
  {
    path: QUESTIONS_PATH,
    lazy: async () => ({ Component: (await import('./QuestionsPage')).QuestionsPage }),
  },
  { path: ASK_PATH, lazy: async () => ({ Component: (await import('./AskPage')).AskPage }) },
  { path: QUESTION_PATH, lazy: async () => ({ Component: (await import('./QuestionPage')).QuestionPage }) },
  { path: FAQ_PATH, lazy: async () => ({ Component: (await import('./FaqPage')).FaqPage }) },
];

export const navItems: NavItem[] = [
  {
    to: QUESTIONS_PATH,
    labelKey: 'nav.questions',
    descriptionKey: 'nav.questionsDescription',
    area: 'public',
    order: 22,
  },
];
