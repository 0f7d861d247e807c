package io.strato.kit;
