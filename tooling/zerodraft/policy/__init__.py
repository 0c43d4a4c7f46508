"""The pull-request policy: what a delegation, a facilitator and the secretariat may change,
judged on what merging the pull request would make.

- :mod:`zerodraft.policy.review`: the rules, a pure function of what changed;
- :mod:`zerodraft.policy.pullrequest`: one pull request judged as GitHub would merge it
  (path safety, the test merge, the policy, the whole check on the merge result);
- :mod:`zerodraft.policy.roster`: what a delegation may change in the roster (its own logins);
- :mod:`zerodraft.policy.conflicts`: a merge git cannot combine, as refusals saying what to do.
"""

from __future__ import annotations

from zerodraft.policy.review import HOW_TO_JOIN, LOGIN_RE, Author, Change, author, review

__all__ = ["HOW_TO_JOIN", "LOGIN_RE", "Author", "Change", "author", "review"]
