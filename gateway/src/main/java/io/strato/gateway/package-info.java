package io.strato.gateway;
