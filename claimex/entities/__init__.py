"""Helpers of the speaker and organisation components: names, people, roles, organisation forms."""
