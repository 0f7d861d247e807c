package io.strato.identity;
