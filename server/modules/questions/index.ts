/**
 * The online Q&A's public surface (issue 11): the composition root builds it with the service catalogue's list (the
 * topics), registers its routes, its personal-data provider, retention rule and consent hook, and subscribes its
 * notifier to `question.answered`.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { Sealer } from '../../platform/crypto/sealing';
import { defineJob, type JobDefinition, type Schedule } from '../../platform/jobs/job-definition';
import { createChallenges, DEFAULT_CHALLENGE_DIFFICULTY } from './question-challenge';
import { createQuestionListsService } from './question-lists.service';
import { createQuestionReadersService } from './question-readers.service';
import { createQuestionSearch } from './question-search';
import { createQuestionStaffService } from './question-staff.service';
import { createQuestionSuggest } from './question-suggest';
import { createTopics, type CatalogueService } from './question-topics';
import { createQuestionNotify } from './questions.notify';
import { createQuestionsRepository } from './questions.repository';
import { createQuestionsService } from './questions.service';

export { registerQuestionRoutes } from './questions.routes';
export { registerQuestionStaffRoutes } from './question-staff.routes';
export { questionsPersonalData } from './questions.personal-data';
export { questionsRetention } from './questions.retention';
export { questionContactConsentHook } from './questions.consent';
export { QUESTION_CONSENT_VERSION, QUESTION_CONTACT_SUBJECT } from './questions.service';
export { solveChallenge } from './question-challenge';
export { DEMO_QUESTION_COUNT, seedDemoQuestions } from './questions.demo';
export type { CatalogueService } from './question-topics';

export const QUESTION_CHALLENGES_PRUNE_JOB = 'questions.challenges.prune';

export interface QuestionsModuleDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  sealer: Sealer;
  /** The deployment's province: questions are asked, listed and moderated there. */
  provinceCode: string;
  /** The site's address, for the links in mails and the JSON-LD. */
  publicUrl: string;
  /** The service catalogue (the services module's list), for the topics. */
  listServices: () => Promise<CatalogueService[]>;
  /** Zero bits the anti-spam proof of work needs (default 16; tests lower it). */
  challengeDifficulty?: number;
}

export function createQuestionsModule(deps: QuestionsModuleDeps) {
  const { db, clock, sealer, provinceCode } = deps;
  const publicUrl = deps.publicUrl;
  const repo = createQuestionsRepository(db);
  const search = createQuestionSearch(db, deps.dialect);
  const suggestions = createQuestionSuggest({ db, search });
  const topics = createTopics(deps.listServices);
  const challenges = createChallenges({
    sealer,
    difficulty: deps.challengeDifficulty ?? DEFAULT_CHALLENGE_DIFFICULTY,
  });
  const questions = createQuestionsService({
    db,
    repo,
    search,
    suggestions,
    topics,
    challenges,
    clock,
    sealer,
    provinceCode,
    publicUrl,
  });
  const readers = createQuestionReadersService({ db, repo, clock, sealer });
  const staff = createQuestionStaffService({ db, repo, search, topics, clock });
  const lists = createQuestionListsService({ db, repo, topics, clock, provinceCode, publicUrl });
  const notify = createQuestionNotify({ db, clock, sealer, publicUrl });
  // Spent challenges are only needed until they expire (10 minutes); the table stays small.
  const prune = defineJob({
    name: QUESTION_CHALLENGES_PRUNE_JOB,
    payload: z.object({}).passthrough(),
    handler: async () => {
      await repo.pruneChallenges(clock.now().toISOString());
    },
  });
  const jobs: JobDefinition[] = [prune, ...notify.jobs];
  const schedules: Schedule[] = [{ name: QUESTION_CHALLENGES_PRUNE_JOB, every: { seconds: 3600 } }];
  return {
    repository: repo,
    search,
    topics,
    questions,
    readers,
    staff,
    lists,
    notify,
    challenges,
    jobs,
    schedules,
  };
}
export type QuestionsModule = ReturnType<typeof createQuestionsModule>;
