-- A speaker may be one of the organization's accounts (issue 17): their mails about programme
-- changes go to the account's address when the speaker has none of their own.
ALTER TABLE schedule_speakers ADD COLUMN account_id uuid REFERENCES organizer_accounts (id);
