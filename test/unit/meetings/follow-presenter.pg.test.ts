import { followPresenterSuite } from './follow-presenter.suite';

followPresenterSuite('postgres');
