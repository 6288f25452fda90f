import { followPresenterSuite } from './follow-presenter.suite';

followPresenterSuite('sqlite');
