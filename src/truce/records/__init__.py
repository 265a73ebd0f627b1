"""The typed records shared by every stage, by concern; `truce.model` is their one public name."""
