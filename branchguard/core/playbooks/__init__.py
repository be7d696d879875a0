"""The playbook library (应急预案): plans, versions, rules, the exchange file, diffs."""
