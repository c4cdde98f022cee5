"""The setup's answers read from what a partner says: names, the dialogue chosen, who
shares first, and a request to check the sound."""
