#!/usr/bin/env bash
# Pack a repository to fit a chat model's window and pipe it into a chat CLI that reads the prompt from stdin.
#   examples/pipe-into-chat.sh [REPO] [QUESTION]
# CHAT_CMD picks the chat CLI (default: `llm`, which appends its argument to what it reads on stdin);
# BUDGET the token budget (default 128k).
set -euo pipefail
repo=${1:-.}
question=${2:-"Summarise the architecture of this repository."}
here=$(cd "$(dirname "$0")" && pwd)
node "$here/../bin/repopack.js" "$repo" --budget "${BUDGET:-128k}" --quiet | ${CHAT_CMD:-llm} "$question"
