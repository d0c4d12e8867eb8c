/** The online Q&A (namespace "questions"): the public list, asking, a question's page, the FAQ, answering tools. */
export const namespace = 'questions';

export { vi } from './messages-vi';
export { en } from './messages-en';
