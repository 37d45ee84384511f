// Nothing to do before the training: the check runs in the post step.
console.log('verify-live: will check the emulator after the watch-mode post step.');
