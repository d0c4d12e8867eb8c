import { expect, it } from 'vitest';
import * as contract from '../../../shared/contracts/questions';
import * as limits from './limits';

it('keeps the Q&A pages’ limits equal to the contract’s', () => {
  expect({ ...limits }).toEqual({
    MAX_QUESTION_TITLE: contract.MAX_QUESTION_TITLE,
    MAX_QUESTION_BODY: contract.MAX_QUESTION_BODY,
    MAX_ANSWER_BODY: contract.MAX_ANSWER_BODY,
    MAX_COMMENT_BODY: contract.MAX_COMMENT_BODY,
    QUESTION_FLAG_REASONS: contract.QUESTION_FLAG_REASONS,
  });
});
