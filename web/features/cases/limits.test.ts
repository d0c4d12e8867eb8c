import { expect, it } from 'vitest';
import * as contract from '../../../shared/contracts/cases';
import { MAX_CASE_DESCRIPTION, MAX_CASE_PHOTOS } from './limits';

it('keeps the report form’s limits equal to the contract’s', () => {
  expect({ MAX_CASE_DESCRIPTION, MAX_CASE_PHOTOS }).toEqual({
    MAX_CASE_DESCRIPTION: contract.MAX_CASE_DESCRIPTION,
    MAX_CASE_PHOTOS: contract.MAX_CASE_PHOTOS,
  });
});
